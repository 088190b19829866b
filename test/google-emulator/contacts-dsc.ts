import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { ContactsFaultControls, underFaults, type Answer, type ContactsFaultKind, type ContactsFaultOptions, type ContactsQuota } from './contacts-faults';
import { GoogleApiError } from './errors';
import type { EmulatorRequest } from './http-io';
import type { AuthenticatedCaller, OAuthEndpoints } from './oauth';
import type { EmulatorServer } from './server';

/** The Domain Shared Contacts API's scope (GData "Contacts API"). */
export const M8_SCOPE = 'https://www.google.com/m8/feeds';
/** The emulator serves the feeds under `${url}/m8/feeds` (GOOGLE_M8_ROOT). */
export const DSC_ROOT_PATH = '/m8/feeds';
export const DSC_PATHS = {
  feed: /^\/m8\/feeds\/contacts\/([^/]+)\/full$/,
  batch: /^\/m8\/feeds\/contacts\/([^/]+)\/full\/batch$/,
  entry: /^\/m8\/feeds\/contacts\/([^/]+)\/full\/([^/]+)$/,
} as const;

export type DscMethod = 'list' | 'get' | 'insert' | 'update' | 'delete' | 'batch';
const METHODS: readonly DscMethod[] = ['list', 'get', 'insert', 'update', 'delete', 'batch'];
export type DscWrite = 'insert' | 'update' | 'delete';

const ATOM = 'http://www.w3.org/2005/Atom';
const GD = 'http://schemas.google.com/g/2005';
const GCONTACT = 'http://schemas.google.com/contact/2008';
const BATCH = 'http://schemas.google.com/gdata/batch';
const OPENSEARCH = 'http://a9.com/-/spec/opensearch/1.1/';
const MAX_EXTENDED_PROPERTIES = 10;
const MAX_BATCH = 100;
const MAX_RESULTS = 1000;

type Node = Record<string, unknown>;
const ARRAYS = new Set(['entry', 'link', 'gd:email', 'gd:phoneNumber', 'gd:structuredPostalAddress', 'gd:extendedProperty', 'gd:organization', 'gContact:website', 'gd:im']);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false, htmlEntities: true, isArray: (n) => ARRAYS.has(n) });
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true, suppressBooleanAttributes: false });
const textOf = (v: unknown): string | null => (typeof v === 'string' ? v : v && typeof v === 'object' && typeof (v as Node)['#text'] === 'string' ? ((v as Node)['#text'] as string) : null);
const nodes = (v: unknown): Node[] => (Array.isArray(v) ? v.filter((x): x is Node => typeof x === 'object' && x !== null) : []);

/** A stored shared contact. */
interface StoredContact {
  id: string;
  domain: string;
  etag: string;
  updated: number;
  seq: number;
  deleted: boolean;
  /** The entry's content elements (no id, etag, links, batch elements). */
  content: Node;
}

/** What tests read of a shared contact. */
export interface DscContactView {
  id: string;
  /** The entry id URL (`http://www.google.com/m8/feeds/contacts/{domain}/base/{id}`). */
  entryId: string;
  etag: string;
  updated: string;
  deleted: boolean;
  title: string | null;
  fullName: string | null;
  givenName: string | null;
  additionalName: string | null;
  familyName: string | null;
  notes: string | null;
  emails: { address: string; rel: string | null; primary: boolean }[];
  phoneNumbers: { number: string; rel: string | null; uri: string | null }[];
  organization: { orgName: string | null; orgTitle: string | null; orgDepartment: string | null } | null;
  addresses: { street: string | null; city: string | null; region: string | null; postcode: string | null; country: string | null }[];
  website: string | null;
  birthday: string | null;
  extendedProperties: Record<string, string>;
}

/** GData's XML error document (`<errors><error><domain/><code/><internalReason/></error></errors>`). */
class GDataError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

function gdataErrorXml(code: string, reason: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({ errors: { '@_xmlns': GD, error: { domain: 'GData', code, internalReason: reason } } })}`;
}

/** What tests see as `emulator.sharedContacts`. */
export interface DomainSharedContactsEmulator {
  /** The domain's shared contacts (deleted ones only with `includeDeleted`), in creation order. */
  contacts(domain: string, options?: { includeDeleted?: boolean }): DscContactView[];
  contact(domain: string, id: string): DscContactView | undefined;
  /** A contact made by someone in the Admin console (no ERP marker). */
  userInsert(domain: string, c: { givenName?: string; familyName?: string; email?: string; extendedProperties?: Record<string, string> }): DscContactView;
  /** An edit made in Google: new name, new etag and `updated`. */
  userEdit(domain: string, id: string, c: { fullName?: string; notes?: string }): DscContactView;
  /** A deletion made in Google. */
  userDelete(domain: string, id: string): void;
  /** Only these accounts may use the domain's feed (default: accounts whose email is in the domain). */
  setDomainAdmins(domain: string, emails: string[] | null): void;
  /** The domain's limit of shared contacts (default 200,000). */
  setContactLimit(limit: number): void;
  /** Inserts and updates of entries for which `predicate` returns a reason are refused with 400 and that reason. */
  rejectEntries(predicate: ((c: DscContactView) => string | null) | null): void;
  setQuota(quota: ContactsQuota | null): void;
  injectFaults(options: ContactsFaultOptions): void;
  clearFaults(): void;
  setLatency(ms: number): void;
  readonly faultsInjected: Readonly<Record<ContactsFaultKind, number>>;
  readonly quotaRejections: number;
  /** Requests by method, whatever their outcome. */
  readonly callsByMethod: Readonly<Record<DscMethod, number>>;
  /** Writes done (single or in a batch), including those whose answer was lost. */
  readonly writeCount: number;
  readonly writesByKind: Readonly<Record<DscWrite, number>>;
  reset(): void;
}

/** The Domain Shared Contacts API (GData v3 Atom): the feed, entries, batch. */
export class DomainSharedContacts extends ContactsFaultControls implements DomainSharedContactsEmulator {
  private readonly store = new Map<string, Map<string, StoredContact>>();
  /** Live contacts per domain (the limit is checked on every insert). */
  private readonly live = new Map<string, number>();
  private admins = new Map<string, Set<string>>();
  private limit = 200_000;
  private rejecter: ((c: DscContactView) => string | null) | null = null;
  private seq = 0;
  private lastUpdated = 0;
  callsByMethod = Object.fromEntries(METHODS.map((m) => [m, 0])) as Record<DscMethod, number>;
  writeCount = 0;
  writesByKind: Record<DscWrite, number> = { insert: 0, update: 0, delete: 0 };

  constructor(
    private readonly now: () => number,
    private readonly oauth: Pick<OAuthEndpoints, 'authenticate'>,
  ) {
    super(now, METHODS);
  }

  register(server: EmulatorServer): void {
    server.route('GET', DSC_PATHS.feed, (req, res, m) => this.dispatch('list', req, res, m));
    server.route('POST', DSC_PATHS.feed, (req, res, m) => this.dispatch('insert', req, res, m));
    server.route('POST', DSC_PATHS.batch, (req, res, m) => this.dispatch('batch', req, res, m));
    server.route('GET', DSC_PATHS.entry, (req, res, m) => this.dispatch('get', req, res, m));
    server.route('PUT', DSC_PATHS.entry, (req, res, m) => this.dispatch('update', req, res, m));
    server.route('DELETE', DSC_PATHS.entry, (req, res, m) => this.dispatch('delete', req, res, m));
  }

  // -- test controls ---------------------------------------------------------------------------

  contacts(domain: string, options: { includeDeleted?: boolean } = {}): DscContactView[] {
    return [...this.domain(domain).values()].filter((c) => options.includeDeleted || !c.deleted).map((c) => this.view(c));
  }

  contact(domain: string, id: string): DscContactView | undefined {
    const c = this.domain(domain).get(id);
    return c && this.view(c);
  }

  userInsert(domain: string, c: { givenName?: string; familyName?: string; email?: string; extendedProperties?: Record<string, string> }): DscContactView {
    const content: Node = { 'gd:name': { 'gd:givenName': c.givenName, 'gd:familyName': c.familyName, 'gd:fullName': [c.givenName, c.familyName].filter(Boolean).join(' ') } };
    if (c.email) content['gd:email'] = [{ '@_address': c.email, '@_rel': `${GD}#work`, '@_primary': 'true' }];
    if (c.extendedProperties) content['gd:extendedProperty'] = Object.entries(c.extendedProperties).map(([name, value]) => ({ '@_name': name, '@_value': value }));
    return this.view(this.create(domain, content));
  }

  userEdit(domain: string, id: string, c: { fullName?: string; notes?: string }): DscContactView {
    const stored = this.liveOne(domain, id);
    if (c.fullName !== undefined) stored.content = { ...stored.content, title: c.fullName, 'gd:name': { 'gd:fullName': c.fullName } };
    if (c.notes !== undefined) stored.content = { ...stored.content, content: { '@_type': 'text', '#text': c.notes } };
    this.touch(stored);
    return this.view(stored);
  }

  userDelete(domain: string, id: string): void {
    const stored = this.liveOne(domain, id);
    stored.deleted = true;
    this.countLive(domain, -1);
    this.touch(stored);
  }

  setDomainAdmins(domain: string, emails: string[] | null): void {
    if (emails) this.admins.set(domain.toLowerCase(), new Set(emails.map((e) => e.toLowerCase())));
    else this.admins.delete(domain.toLowerCase());
  }

  setContactLimit(limit: number): void {
    if (!Number.isInteger(limit) || limit < 0) throw new RangeError('setContactLimit: limit must be an integer ≥ 0');
    this.limit = limit;
  }

  rejectEntries(predicate: ((c: DscContactView) => string | null) | null): void {
    this.rejecter = predicate;
  }

  get quotaRejections(): number {
    return this.sw.quotaRejections;
  }

  reset(): void {
    this.store.clear();
    this.live.clear();
    this.admins.clear();
    this.limit = 200_000;
    this.rejecter = null;
    this.sw.reset();
    this.callsByMethod = Object.fromEntries(METHODS.map((m) => [m, 0])) as Record<DscMethod, number>;
    this.writeCount = 0;
    this.writesByKind = { insert: 0, update: 0, delete: 0 };
  }

  // -- storage ---------------------------------------------------------------------------------

  private domain(domain: string): Map<string, StoredContact> {
    const key = domain.toLowerCase();
    let d = this.store.get(key);
    if (!d) this.store.set(key, (d = new Map()));
    return d;
  }

  private liveOne(domain: string, id: string): StoredContact {
    const c = this.domain(domain).get(id);
    if (!c || c.deleted) throw new Error(`no live shared contact ${id} in ${domain}`);
    return c;
  }

  /** A new etag and `updated` (strictly increasing, so `updated-min` never misses a write). */
  private touch(c: StoredContact): void {
    this.lastUpdated = Math.max(this.now(), this.lastUpdated + 1);
    c.updated = this.lastUpdated;
    // GData v3 etags are quoted and may hold characters that need escaping in XML.
    c.etag = `"${randomBytes(12).toString('base64').replace(/=+$/, '')}&."`;
  }

  private create(domain: string, content: Node): StoredContact {
    const c: StoredContact = { id: randomBytes(8).toString('hex'), domain: domain.toLowerCase(), etag: '', updated: 0, seq: ++this.seq, deleted: false, content };
    this.touch(c);
    this.domain(domain).set(c.id, c);
    this.countLive(domain, 1);
    return c;
  }

  private liveCount(domain: string): number {
    return this.live.get(domain.toLowerCase()) ?? 0;
  }

  private countLive(domain: string, delta: number): void {
    this.live.set(domain.toLowerCase(), this.liveCount(domain) + delta);
  }

  private entryIdUrl(c: StoredContact): string {
    return `http://www.google.com/m8/feeds/contacts/${encodeURIComponent(c.domain)}/base/${c.id}`;
  }

  private view(c: StoredContact): DscContactView {
    const n = c.content;
    const name = (n['gd:name'] ?? {}) as Node;
    const org = nodes(n['gd:organization'])[0];
    const ext: Record<string, string> = {};
    for (const p of nodes(n['gd:extendedProperty'])) ext[String(p['@_name'])] = String(p['@_value'] ?? '');
    return {
      id: c.id,
      entryId: this.entryIdUrl(c),
      etag: c.etag,
      updated: new Date(c.updated).toISOString(),
      deleted: c.deleted,
      title: textOf(n.title),
      fullName: textOf(name['gd:fullName']),
      givenName: textOf(name['gd:givenName']),
      additionalName: textOf(name['gd:additionalName']),
      familyName: textOf(name['gd:familyName']),
      notes: textOf(n.content),
      emails: nodes(n['gd:email']).map((e) => ({ address: String(e['@_address']), rel: (e['@_rel'] as string) ?? null, primary: e['@_primary'] === 'true' })),
      phoneNumbers: nodes(n['gd:phoneNumber']).map((p) => ({ number: textOf(p) ?? '', rel: (p['@_rel'] as string) ?? null, uri: (p['@_uri'] as string) ?? null })),
      organization: org ? { orgName: textOf(org['gd:orgName']), orgTitle: textOf(org['gd:orgTitle']), orgDepartment: textOf(org['gd:orgDepartment']) } : null,
      addresses: nodes(n['gd:structuredPostalAddress']).map((a) => ({
        street: textOf(a['gd:street']),
        city: textOf(a['gd:city']),
        region: textOf(a['gd:region']),
        postcode: textOf(a['gd:postcode']),
        country: ((a['gd:country'] as Node | undefined)?.['@_code'] as string) ?? textOf(a['gd:country']),
      })),
      website: (nodes(n['gContact:website'])[0]?.['@_href'] as string) ?? null,
      birthday: ((n['gContact:birthday'] as Node | undefined)?.['@_when'] as string) ?? null,
      extendedProperties: ext,
    };
  }

  // -- XML out ---------------------------------------------------------------------------------

  private entryNode(c: StoredContact, root: string): Node {
    const edit = `${root}/contacts/${encodeURIComponent(c.domain)}/full/${c.id}`;
    return {
      '@_gd:etag': c.etag,
      id: this.entryIdUrl(c),
      updated: new Date(c.updated).toISOString(),
      'app:edited': { '@_xmlns:app': 'http://www.w3.org/2007/app', '#text': new Date(c.updated).toISOString() },
      category: { '@_scheme': 'http://schemas.google.com/g/2005#kind', '@_term': 'http://schemas.google.com/contact/2008#contact' },
      ...(c.deleted ? { 'gd:deleted': '' } : {}),
      ...Object.fromEntries(Object.entries(c.content).filter(([k]) => k !== 'category')),
      link: [
        { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': edit },
        { '@_rel': 'edit', '@_type': 'application/atom+xml', '@_href': edit },
      ],
    };
  }

  private static xmlns(): Node {
    return { '@_xmlns': ATOM, '@_xmlns:gd': GD, '@_xmlns:gContact': GCONTACT, '@_xmlns:batch': BATCH, '@_xmlns:openSearch': OPENSEARCH };
  }

  private static doc(root: Node): string {
    return `<?xml version="1.0" encoding="UTF-8"?>${builder.build(root)}`;
  }

  private static atom(status: number, body: string, headers: Record<string, string> = {}): Answer {
    return { status, contentType: 'application/atom+xml; charset=UTF-8; type=entry', body, headers: { 'gdata-version': '3.0', ...headers } };
  }

  // -- dispatch --------------------------------------------------------------------------------

  private async dispatch(method: DscMethod, req: EmulatorRequest, res: ServerResponse, m: RegExpMatchArray): Promise<void> {
    this.callsByMethod[method]++;
    await underFaults(this.sw, method, res, (fail5xx) => {
      try {
        const caller = this.authorize(req, decodeURIComponent(m[1]!));
        if (!this.sw.takeQuota(caller.account.sub)) {
          const retry = this.sw.retryAfterSeconds;
          return { status: 429, contentType: 'text/html; charset=UTF-8', body: 'Too Many Requests', headers: retry !== undefined ? { 'retry-after': String(retry) } : {} };
        }
        if (fail5xx) throw new GDataError(503, 'serviceUnavailable', 'Service Unavailable');
        const domain = decodeURIComponent(m[1]!).toLowerCase();
        const root = `http://${req.headers.host}${DSC_ROOT_PATH}`;
        switch (method) {
          case 'list':
            return this.list(domain, req, root);
          case 'get':
            return this.getOne(domain, m[2]!, root);
          case 'insert':
            return this.insertOne(domain, req, root);
          case 'update':
            return this.updateOne(domain, m[2]!, req, root);
          case 'delete':
            return this.deleteOne(domain, m[2]!, req);
          case 'batch':
            return this.batch(domain, req, root);
        }
      } catch (err) {
        if (err instanceof GDataError) return { status: err.status, contentType: 'application/xml; charset=UTF-8', body: gdataErrorXml(err.code, err.reason) };
        if (err instanceof GoogleApiError) return { status: err.code, contentType: 'application/json; charset=UTF-8', body: JSON.stringify(err.toJSON()), headers: err.headers };
        throw err;
      }
    });
  }

  /** Token, scope, GData version and the domain administrator. */
  private authorize(req: EmulatorRequest, domain: string): AuthenticatedCaller {
    const caller = this.oauth.authenticate(req, M8_SCOPE);
    if (caller instanceof GoogleApiError) {
      if (caller.code === 403) throw new GDataError(403, 'forbidden', 'Insufficient permission: the token lacks the https://www.google.com/m8/feeds scope');
      throw caller;
    }
    if (req.headers['gdata-version'] !== '3.0') throw new GDataError(400, 'badRequest', 'GData-Version: 3.0 is required for this feed');
    const email = caller.account.email.toLowerCase();
    const admins = this.admins.get(domain.toLowerCase());
    const allowed = admins ? admins.has(email) : email.endsWith(`@${domain.toLowerCase()}`);
    if (!allowed) throw new GDataError(403, 'forbidden', `Only administrators of the domain ${domain} may access its shared contacts`);
    return caller;
  }

  private parse(req: EmulatorRequest, root: 'entry' | 'feed'): Node {
    const type = String(req.headers['content-type'] ?? '').toLowerCase();
    if (!type.startsWith('application/atom+xml')) throw new GDataError(415, 'unsupportedMediaType', 'Content-Type application/atom+xml is required');
    let doc: Node;
    try {
      doc = parser.parse(req.rawBody.toString('utf8'), true) as Node;
    } catch (err) {
      throw new GDataError(400, 'parseError', `Parse error: ${(err as Error).message.split('\n')[0]}`);
    }
    // `entry` is always parsed as a list (feeds hold many): a document holds exactly one root.
    const found = doc[root];
    const node = Array.isArray(found) ? (found.length === 1 ? found[0] : null) : found;
    if (!node || typeof node !== 'object' || Array.isArray(node)) {
      throw new GDataError(400, 'badRequest', `Expected an <${root}> in the Atom namespace`);
    }
    return node as Node;
  }

  /** The entry's content as Google keeps it; invalid entries are refused as Google would. */
  private content(entry: Node): Node {
    const content: Node = {};
    for (const [k, v] of Object.entries(entry)) {
      if (k.startsWith('@_') || k.startsWith('batch:') || ['id', 'updated', 'link', 'app:edited', 'gd:deleted', '#text'].includes(k)) continue;
      content[k] = v;
    }
    const props = nodes(content['gd:extendedProperty']);
    if (props.length > MAX_EXTENDED_PROPERTIES) throw new GDataError(400, 'badRequest', `At most ${MAX_EXTENDED_PROPERTIES} extended properties per contact`);
    const names = new Set<string>();
    for (const p of props) {
      const name = p['@_name'];
      if (typeof name !== 'string' || !name) throw new GDataError(400, 'badRequest', 'An extended property needs a name');
      if (names.has(name)) throw new GDataError(400, 'badRequest', `Duplicate extended property ${name}`);
      names.add(name);
      if (typeof p['@_value'] === 'string' && p['@_value'].length > 1024) throw new GDataError(400, 'badRequest', 'Extended property value too long');
    }
    const emails = nodes(content['gd:email']);
    for (const e of emails) {
      if (typeof e['@_address'] !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(e['@_address'])) throw new GDataError(400, 'badRequest', 'Invalid email address');
    }
    if (emails.filter((e) => e['@_primary'] === 'true').length > 1) throw new GDataError(400, 'badRequest', 'Only one email may be primary');
    const name = content['gd:name'] as Node | undefined;
    if (!name && !emails.length && !content['gd:organization'] && !textOf(content.title)) throw new GDataError(400, 'badRequest', 'Entry must have a name, an email or an organization');
    return content;
  }

  private checkRejected(content: Node, domain: string): void {
    if (!this.rejecter) return;
    const reason = this.rejecter(this.view({ id: 'new', domain, etag: '', updated: 0, seq: 0, deleted: false, content }));
    if (reason) throw new GDataError(400, 'badRequest', reason);
  }

  private doInsert(domain: string, entry: Node): StoredContact {
    const content = this.content(entry);
    this.checkRejected(content, domain);
    if (this.liveCount(domain) >= this.limit) throw new GDataError(403, 'quotaExceeded', `The domain has reached its limit of ${this.limit} shared contacts`);
    const c = this.create(domain, content);
    this.writeCount++;
    this.writesByKind.insert++;
    return c;
  }

  private find(domain: string, id: string): StoredContact {
    const c = this.domain(domain).get(id);
    if (!c || c.deleted) throw new GDataError(404, 'notFound', 'Contact not found');
    return c;
  }

  private checkEtag(c: StoredContact, ifMatch: string | null): void {
    if (!ifMatch) throw new GDataError(403, 'forbidden', 'If-Match or an etag is required to change a contact');
    if (ifMatch !== '*' && ifMatch !== c.etag) throw new GDataError(412, 'versionConflict', 'Etags mismatch');
  }

  private doUpdate(domain: string, id: string, entry: Node, ifMatch: string | null): StoredContact {
    const c = this.find(domain, id);
    this.checkEtag(c, ifMatch);
    const content = this.content(entry);
    this.checkRejected(content, domain);
    c.content = content;
    this.touch(c);
    this.writeCount++;
    this.writesByKind.update++;
    return c;
  }

  private doDelete(domain: string, id: string, ifMatch: string | null): void {
    const c = this.find(domain, id);
    this.checkEtag(c, ifMatch);
    c.deleted = true;
    this.countLive(domain, -1);
    c.content = Object.fromEntries(Object.entries(c.content).filter(([k]) => k === 'gd:extendedProperty'));
    this.touch(c);
    this.writeCount++;
    this.writesByKind.delete++;
  }

  // -- methods ---------------------------------------------------------------------------------

  private list(domain: string, req: EmulatorRequest, root: string): Answer {
    const q = req.query;
    const start = q['start-index'] === undefined ? 1 : Number(q['start-index']);
    const max = q['max-results'] === undefined ? 25 : Number(q['max-results']);
    if (!Number.isInteger(start) || start < 1) throw new GDataError(400, 'badRequest', 'Invalid start-index');
    if (!Number.isInteger(max) || max < 1) throw new GDataError(400, 'badRequest', 'Invalid max-results');
    let min: number | null = null;
    if (q['updated-min'] !== undefined) {
      min = Date.parse(q['updated-min']);
      if (Number.isNaN(min)) throw new GDataError(400, 'badRequest', 'Invalid updated-min');
    }
    const showDeleted = q.showdeleted === 'true';
    if (q.projection && q.projection !== 'full') throw new GDataError(400, 'badRequest', 'Unknown projection');
    const all = [...this.domain(domain).values()]
      .filter((c) => (showDeleted || !c.deleted) && (min === null || c.updated >= min))
      .sort((a, b) => (min === null ? a.seq - b.seq : a.updated - b.updated || a.seq - b.seq));
    const per = Math.min(max, MAX_RESULTS);
    const page = all.slice(start - 1, start - 1 + per);
    const self = `${root}/contacts/${encodeURIComponent(domain)}/full`;
    const links: Node[] = [{ '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': `${self}?start-index=${start}&max-results=${per}` }];
    if (start - 1 + per < all.length) {
      const next = new URL(self);
      for (const [k, v] of Object.entries(q)) next.searchParams.set(k, v);
      next.searchParams.set('start-index', String(start + per));
      next.searchParams.set('max-results', String(per));
      links.push({ '@_rel': 'next', '@_type': 'application/atom+xml', '@_href': next.toString() });
    }
    const feed: Node = {
      ...DomainSharedContacts.xmlns(),
      id: `http://www.google.com/m8/feeds/contacts/${encodeURIComponent(domain)}/base`,
      updated: new Date(this.now()).toISOString(),
      title: `${domain}'s Contacts`,
      link: links,
      'openSearch:totalResults': String(all.length),
      'openSearch:startIndex': String(start),
      'openSearch:itemsPerPage': String(per),
      entry: page.map((c) => this.entryNode(c, root)),
    };
    return DomainSharedContacts.atom(200, DomainSharedContacts.doc({ feed }));
  }

  private getOne(domain: string, id: string, root: string): Answer {
    const c = this.find(domain, id);
    return DomainSharedContacts.atom(200, DomainSharedContacts.doc({ entry: { ...DomainSharedContacts.xmlns(), ...this.entryNode(c, root) } }), { etag: c.etag });
  }

  private insertOne(domain: string, req: EmulatorRequest, root: string): Answer {
    const c = this.doInsert(domain, this.parse(req, 'entry'));
    return DomainSharedContacts.atom(201, DomainSharedContacts.doc({ entry: { ...DomainSharedContacts.xmlns(), ...this.entryNode(c, root) } }), { etag: c.etag });
  }

  private updateOne(domain: string, id: string, req: EmulatorRequest, root: string): Answer {
    const entry = this.parse(req, 'entry');
    const ifMatch = (req.headers['if-match'] as string | undefined) ?? (entry['@_gd:etag'] as string | undefined) ?? null;
    const c = this.doUpdate(domain, id, entry, ifMatch);
    return DomainSharedContacts.atom(200, DomainSharedContacts.doc({ entry: { ...DomainSharedContacts.xmlns(), ...this.entryNode(c, root) } }), { etag: c.etag });
  }

  private deleteOne(domain: string, id: string, req: EmulatorRequest): Answer {
    this.doDelete(domain, id, (req.headers['if-match'] as string | undefined) ?? null);
    return { status: 200, contentType: 'text/plain', body: '' };
  }

  /** Each operation answered on its own (`batch:status`); at most 100 per request. */
  private batch(domain: string, req: EmulatorRequest, root: string): Answer {
    const feed = this.parse(req, 'feed');
    const entries = nodes(feed.entry);
    if (entries.length > MAX_BATCH) throw new GDataError(400, 'badRequest', `A batch request holds at most ${MAX_BATCH} operations`);
    const answers = entries.map((entry) => {
      const batchId = textOf(entry['batch:id']);
      const type = ((entry['batch:operation'] as Node | undefined)?.['@_type'] as string | undefined) ?? 'insert';
      const head: Node = { ...(batchId !== null ? { 'batch:id': batchId } : {}), 'batch:operation': { '@_type': type } };
      const status = (code: number, reason: string): Node => ({ 'batch:status': { '@_code': String(code), '@_reason': reason } });
      try {
        const idOf = () => {
          const url = textOf(entry.id);
          const id = url?.split('/').pop();
          if (!id) throw new GDataError(400, 'badRequest', 'The operation needs the entry id');
          return id;
        };
        const etag = (entry['@_gd:etag'] as string | undefined) ?? null;
        switch (type) {
          case 'insert': {
            const c = this.doInsert(domain, entry);
            return { ...this.entryNode(c, root), ...head, ...status(201, 'Created') };
          }
          case 'update': {
            const c = this.doUpdate(domain, idOf(), entry, etag);
            return { ...this.entryNode(c, root), ...head, ...status(200, 'Success') };
          }
          case 'delete':
            this.doDelete(domain, idOf(), etag);
            return { id: textOf(entry.id), ...head, ...status(200, 'Success') };
          case 'query': {
            const c = this.find(domain, idOf());
            return { ...this.entryNode(c, root), ...head, ...status(200, 'Success') };
          }
          default:
            throw new GDataError(400, 'badRequest', `Unknown batch operation ${type}`);
        }
      } catch (err) {
        if (!(err instanceof GDataError)) throw err;
        return { ...(textOf(entry.id) ? { id: textOf(entry.id) } : {}), ...head, ...status(err.status, err.reason) };
      }
    });
    const out: Node = {
      ...DomainSharedContacts.xmlns(),
      id: `${root}/contacts/${encodeURIComponent(domain)}/full/batch/${Date.now()}`,
      updated: new Date(this.now()).toISOString(),
      title: 'Batch Feed',
      entry: answers,
    };
    return { status: 200, contentType: 'application/atom+xml; charset=UTF-8', body: DomainSharedContacts.doc({ feed: out }) };
  }
}
