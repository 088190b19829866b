import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Logger } from '../kernel/logger';
import type { Hardening } from './hardening';

/** One operation of the trusted-documents manifest (operations/generated/persisted-documents.json). */
export interface TrustedDocument {
  /** sha256 of `text`, hex. */
  hash: string;
  text: string;
  /** Parsed and validated at start; null when it does not validate here (e.g. its module is off): it is then validated per request, which reports why. */
  document: DocumentNode | null;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const DOCUMENT_ID = /^(?:sha256:)?([0-9a-f]{64})$/;
/** Texts found equal to a trusted document once written differently (spacing, field order). */
const MAX_KNOWN_TEXTS = 1000;

export const persistedQueryNotFound = (message = 'Unknown document id: this gateway only knows the operations of its trusted-documents manifest') =>
  new GraphQLError(message, { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } } });

export const persistedQueryOnly = () =>
  new GraphQLError('Only trusted documents are executed here: send the operation\'s documentId ("sha256:…" from persisted-documents.json), or its exact text from that manifest', {
    extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } },
  });

/**
 * The operations frontends may send by id (`{"documentId": "sha256:<hex>"}` or Apollo's APQ
 * extension), loaded from the manifest `npm run codegen` writes, each parsed and validated once at
 * start. With GRAPHQL_TRUSTED_DOCUMENTS_ONLY nothing else is executed: a text is accepted only when
 * it is one of these operations (compared in the manifest's normal form, so spacing and field
 * order do not matter).
 */
export class TrustedDocuments {
  private readonly byHashMap = new Map<string, TrustedDocument>();
  private readonly knownTexts = new Map<string, boolean>();

  constructor(
    entries: Iterable<TrustedDocument>,
    readonly only: boolean,
  ) {
    for (const entry of entries) this.byHashMap.set(entry.hash, entry);
  }

  get size(): number {
    return this.byHashMap.size;
  }

  all(): IterableIterator<TrustedDocument> {
    return this.byHashMap.values();
  }

  byHash(hash: string): TrustedDocument | undefined {
    return this.byHashMap.get(hash);
  }

  /** `sha256:<hex>` (or the bare hex). */
  byId(documentId: string): TrustedDocument | undefined {
    const match = DOCUMENT_ID.exec(documentId);
    return match ? this.byHashMap.get(match[1]!) : undefined;
  }

  /** Is this query text one of the trusted operations (exactly, or in the manifest's normal form)? */
  isTrusted(text: string): boolean {
    const hash = sha256(text);
    if (this.byHashMap.has(hash)) return true;
    const known = this.knownTexts.get(hash);
    if (known !== undefined) return known;
    let normal: string;
    try {
      normal = printExecutableGraphQLDocument(parse(text, { maxTokens: 100_000 }));
    } catch {
      return false;
    }
    const trusted = this.byHashMap.has(sha256(normal));
    // Only accepted texts are remembered: refused ones cannot fill the memory.
    if (trusted) {
      if (this.knownTexts.size >= MAX_KNOWN_TEXTS) this.knownTexts.delete(this.knownTexts.keys().next().value!);
      this.knownTexts.set(hash, true);
    }
    return trusted;
  }

  /**
   * Reads the manifest (an object: hash → text) and checks each document against the schema with
   * the same rules as a request. A missing manifest is an error only when nothing else may run.
   */
  static load(file: string, schema: GraphQLSchema, limits: Hardening, only: boolean, log: Logger): TrustedDocuments {
    if (!existsSync(file)) {
      if (only) throw Object.assign(new Error(`GRAPHQL_TRUSTED_DOCUMENTS: ${file} does not exist, and GRAPHQL_TRUSTED_DOCUMENTS_ONLY is on (run npm run codegen)`), { configError: true });
      log.info({ file }, 'no trusted-documents manifest: documentId requests are refused');
      return new TrustedDocuments([], false);
    }
    let manifest: unknown;
    try {
      manifest = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw Object.assign(new Error(`GRAPHQL_TRUSTED_DOCUMENTS: ${file} is not JSON (${(err as Error).message})`), { configError: true });
    }
    if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) {
      throw Object.assign(new Error(`GRAPHQL_TRUSTED_DOCUMENTS: ${file} must map sha256 hashes to query texts`), { configError: true });
    }
    const rules = [...specifiedRules, ...limits.validationRules];
    const entries: TrustedDocument[] = [];
    const unusable: string[] = [];
    for (const [hash, text] of Object.entries(manifest as Record<string, unknown>)) {
      if (typeof text !== 'string' || sha256(text) !== hash) {
        throw Object.assign(new Error(`GRAPHQL_TRUSTED_DOCUMENTS: the entry ${hash} of ${file} is not the sha256 of its text`), { configError: true });
      }
      let document: DocumentNode | null = null;
      try {
        const parsed = parse(text, limits.parseOptions);
        if (!validate(schema, parsed, rules).length) document = parsed;
      } catch {
        document = null;
      }
      if (!document) unusable.push(hash);
      entries.push({ hash, text, document });
    }
    if (unusable.length) log.warn({ file, documents: unusable }, 'trusted documents that do not validate against this schema (a module is off?): requests for them get the validation errors');
    log.info({ file, documents: entries.length, only }, 'trusted documents loaded');
    return new TrustedDocuments(entries, only);
  }
}
