import { GraphQLError, type DocumentNode } from 'graphql';
import { createHash } from 'node:crypto';
import { persistedQueryNotFound, persistedQueryOnly, type TrustedDocuments } from '../schema/trusted-documents';

const badRequest = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });

type Fields = Record<string, unknown>;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * What a request names: `documentId` (ours), Apollo's APQ hash, or a query text. A documentId
 * becomes the APQ extension with the trusted document's hash, which Apollo resolves from the
 * manifest without hashing the text again. With GRAPHQL_TRUSTED_DOCUMENTS_ONLY an unknown hash
 * or a text that is not a trusted document is refused here, before it is parsed.
 */
function resolveFields(trusted: TrustedDocuments, fields: Fields): Fields | GraphQLError {
  const { query } = fields;
  // Some clients send every known field, empty ones as null.
  const documentId = fields.documentId ?? undefined;
  const extensions = fields.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined;
  if (documentId !== undefined) {
    if (typeof documentId !== 'string') return badRequest('documentId must be a string ("sha256:<hex>")');
    const document = trusted.byId(documentId);
    if (!document) return persistedQueryNotFound();
    if (query !== undefined && query !== null && query !== document.text) return badRequest('Send either documentId or query, not both');
    const rest = { ...fields };
    delete rest.documentId;
    delete rest.query;
    return { ...rest, extensions: { ...(typeof extensions === 'object' && extensions ? extensions : {}), persistedQuery: { version: 1, sha256Hash: document.hash } } };
  }
  if (!trusted.only) return fields;
  const hash = extensions && typeof extensions === 'object' ? extensions.persistedQuery?.sha256Hash : undefined;
  if (typeof query === 'string' && query !== '') return trusted.isTrusted(query) ? fields : persistedQueryOnly();
  if (typeof hash === 'string') return trusted.byHash(hash) ? fields : persistedQueryNotFound();
  // Nothing to run: Apollo says so in its words.
  return fields;
}

/** The body (POST, multipart operations) or query string (GET) Apollo should see, or the error that refuses the request. */
export function trustedHttpRequest(trusted: TrustedDocuments, method: string, body: unknown, search: string): { body: unknown; search: string } | GraphQLError {
  if (method === 'GET') {
    const params = new URLSearchParams(search);
    const fields: Fields = {};
    for (const name of ['documentId', 'query'] as const) {
      const value = params.get(name);
      if (value !== null) fields[name] = value;
    }
    const extensions = params.get('extensions');
    if (extensions !== null) {
      try {
        fields.extensions = JSON.parse(extensions);
      } catch {
        // Apollo refuses it in its words.
        return { body, search };
      }
    }
    if (fields.documentId === undefined && !trusted.only) return { body, search };
    const resolved = resolveFields(trusted, fields);
    if (resolved instanceof GraphQLError) return resolved;
    params.delete('documentId');
    if (resolved.query === undefined) params.delete('query');
    if (resolved.extensions !== undefined) params.set('extensions', JSON.stringify(resolved.extensions));
    return { body, search: params.toString() };
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { body, search };
  const fields = body as Fields;
  if ((fields.documentId ?? undefined) === undefined && !trusted.only) return { body, search };
  const resolved = resolveFields(trusted, fields);
  return resolved instanceof GraphQLError ? resolved : { body: resolved, search };
}

/** Over WebSocket: the trusted document a subscribe message names, its text when it sends one, or the error that refuses it. */
export function trustedSubscribePayload(trusted: TrustedDocuments, payload: Fields): { text: string; document: DocumentNode | null } | GraphQLError {
  const text = typeof payload.query === 'string' && payload.query !== '' ? payload.query : undefined;
  const resolved = resolveFields(trusted, text === undefined ? { ...payload, query: undefined } : payload);
  if (resolved instanceof GraphQLError) return resolved;
  const hash = (resolved.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
  if (text === undefined || (payload.documentId ?? undefined) !== undefined) {
    const document = typeof hash === 'string' ? trusted.byHash(hash) : undefined;
    if (!document) return text === undefined && typeof hash === 'string' ? persistedQueryNotFound() : badRequest('The subscribe message needs a query, a documentId or a persisted query hash');
    return { text: document.text, document: document.document };
  }
  return { text, document: trusted.byHash(sha256(text))?.document ?? null };
}
