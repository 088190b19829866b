import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { PushedContact } from './contact-content';
import { ContactEmailType, ContactPhoneType } from './contact.types';

/**
 * The Atom XML of the Domain Shared Contacts API (GData v3), built and read with fast-xml-parser
 * (every text and attribute escaped by the library). Atom is the default namespace; `gd:`,
 * `gContact:`, `batch:` and `openSearch:` are the prefixes Google uses.
 */
export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  gd: 'http://schemas.google.com/g/2005',
  gContact: 'http://schemas.google.com/contact/2008',
  batch: 'http://schemas.google.com/gdata/batch',
  openSearch: 'http://a9.com/-/spec/opensearch/1.1/',
} as const;

export const ERP_CONTACT_ID = 'erpContactId';
export const ERP_TENANT = 'erpTenant';
const KIND_SCHEME = 'http://schemas.google.com/g/2005#kind';
const CONTACT_KIND = 'http://schemas.google.com/contact/2008#contact';
const REL = 'http://schemas.google.com/g/2005#';

const EMAIL_REL: Record<ContactEmailType, string> = { WORK: 'work', HOME: 'home', OTHER: 'other' };
const PHONE_REL: Record<ContactPhoneType, string> = { WORK: 'work', HOME: 'home', MOBILE: 'mobile', FAX: 'work_fax', OTHER: 'other' };

const ARRAYS = new Set(['entry', 'link', 'gd:email', 'gd:phoneNumber', 'gd:structuredPostalAddress', 'gd:extendedProperty', 'gd:organization', 'gContact:website']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
  isArray: (name) => ARRAYS.has(name),
});
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true, suppressBooleanAttributes: false });

type Node = Record<string, unknown>;

const textOf = (v: unknown): string | null => {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as Node)['#text'] === 'string') return (v as Node)['#text'] as string;
  return null;
};
const nodes = (v: unknown): Node[] => (Array.isArray(v) ? v.filter((x): x is Node => typeof x === 'object' && x !== null) : []);

/** What the sync reads of an entry. */
export interface DscEntry {
  /** The entry's id URL (`…/contacts/{domain}/base/{id}`). */
  id: string;
  etag: string | null;
  /** Our marker (extended properties), when the entry carries it. */
  erpContactId: string | null;
  erpTenant: string | null;
  /** The parsed entry, for tests and diagnostics. */
  raw: Node;
}

/** The element tree of a contact as an entry (without namespace declarations: see {@link entryXml}). */
export function entryNode(c: PushedContact, tenant: string): Node {
  const name: Node = {};
  if (c.givenName) name['gd:givenName'] = c.givenName;
  if (c.middleName) name['gd:additionalName'] = c.middleName;
  if (c.familyName) name['gd:familyName'] = c.familyName;
  name['gd:fullName'] = c.displayName;
  const node: Node = {
    category: { '@_scheme': KIND_SCHEME, '@_term': CONTACT_KIND },
    title: c.displayName,
    'gd:name': name,
  };
  if (c.notes) node.content = { '@_type': 'text', '#text': c.notes };
  if (c.emails.length) node['gd:email'] = c.emails.map((e) => ({ '@_rel': REL + EMAIL_REL[e.type], '@_address': e.address, ...(e.primary ? { '@_primary': 'true' } : {}) }));
  if (c.phoneNumbers.length) {
    node['gd:phoneNumber'] = c.phoneNumbers.map((p, i) => ({
      '@_rel': REL + PHONE_REL[p.type],
      ...(p.e164 ? { '@_uri': `tel:${p.e164}` } : {}),
      ...(i === 0 ? { '@_primary': 'true' } : {}),
      '#text': p.number,
    }));
  }
  if (c.addresses.length) {
    node['gd:structuredPostalAddress'] = c.addresses.map((a, i) => {
      const addr: Node = { '@_rel': `${REL}work`, ...(i === 0 ? { '@_primary': 'true' } : {}) };
      if (a.street) addr['gd:street'] = a.street;
      if (a.city) addr['gd:city'] = a.city;
      if (a.region) addr['gd:region'] = a.region;
      if (a.postalCode) addr['gd:postcode'] = a.postalCode;
      if (a.countryCode) addr['gd:country'] = { '@_code': a.countryCode };
      return addr;
    });
  }
  if (c.company || c.jobTitle || c.department) {
    const org: Node = { '@_rel': `${REL}work`, '@_primary': 'true' };
    if (c.company) org['gd:orgName'] = c.company;
    if (c.jobTitle) org['gd:orgTitle'] = c.jobTitle;
    if (c.department) org['gd:orgDepartment'] = c.department;
    node['gd:organization'] = [org];
  }
  if (c.website) node['gContact:website'] = [{ '@_href': c.website, '@_rel': 'work' }];
  if (c.birthday) node['gContact:birthday'] = { '@_when': c.birthday };
  node['gd:extendedProperty'] = [
    { '@_name': ERP_CONTACT_ID, '@_value': c.id },
    { '@_name': ERP_TENANT, '@_value': tenant },
  ];
  return node;
}

const XMLNS = { '@_xmlns': NS.atom, '@_xmlns:gd': NS.gd, '@_xmlns:gContact': NS.gContact, '@_xmlns:batch': NS.batch };

/** One entry as a document (POST or PUT of a single entry). */
export function entryXml(node: Node): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({ entry: { ...XMLNS, ...node } })}`;
}

export type BatchOperation = 'insert' | 'update' | 'delete' | 'query';

export interface BatchOp {
  /** Our id of the operation (`batch:id`): the contact's id. */
  batchId: string;
  type: BatchOperation;
  /** The entry's id URL (update, delete, query). */
  entryId?: string;
  /** The etag the update or delete is conditional on. */
  etag?: string | null;
  /** The entry's content (insert, update). */
  node?: Node;
}

/** A batch request: at most 100 operations (Google's limit). */
export function batchXml(ops: readonly BatchOp[]): string {
  if (ops.length > 100) throw new Error(`a batch holds at most 100 operations, got ${ops.length}`);
  const entries = ops.map((op) => {
    const entry: Node = {};
    if (op.etag && (op.type === 'update' || op.type === 'delete')) entry['@_gd:etag'] = op.etag;
    entry['batch:id'] = op.batchId;
    entry['batch:operation'] = { '@_type': op.type };
    if (op.entryId) entry.id = op.entryId;
    if (op.node) Object.assign(entry, op.node);
    return entry;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({ feed: { ...XMLNS, entry: entries } })}`;
}

function readEntry(e: Node): DscEntry {
  let erpContactId: string | null = null;
  let erpTenant: string | null = null;
  for (const p of nodes(e['gd:extendedProperty'])) {
    if (p['@_name'] === ERP_CONTACT_ID && typeof p['@_value'] === 'string') erpContactId = p['@_value'];
    if (p['@_name'] === ERP_TENANT && typeof p['@_value'] === 'string') erpTenant = p['@_value'];
  }
  return { id: textOf(e.id) ?? '', etag: typeof e['@_gd:etag'] === 'string' ? e['@_gd:etag'] : null, erpContactId, erpTenant, raw: e };
}

/** A page of the contacts feed: its entries and the total Google reports. */
export function parseFeed(xml: string): { entries: DscEntry[]; total: number | null; hasNext: boolean } {
  const doc = parser.parse(xml) as Node;
  const feed = (doc.feed ?? {}) as Node;
  const total = Number(textOf(feed['openSearch:totalResults']));
  return {
    entries: nodes(feed.entry).map(readEntry),
    total: Number.isFinite(total) ? total : null,
    hasNext: nodes(feed.link).some((l) => l['@_rel'] === 'next'),
  };
}

export function parseEntry(xml: string): DscEntry {
  const doc = parser.parse(xml) as Node;
  // `entry` is always read as a list (feeds hold many): a single entry document holds one.
  return readEntry(nodes(doc.entry)[0] ?? {});
}

/** One operation's answer in a batch response. */
export interface BatchResult {
  batchId: string;
  type: string;
  code: number;
  reason: string;
  entry: DscEntry | null;
}

export function parseBatch(xml: string): BatchResult[] {
  const doc = parser.parse(xml) as Node;
  const feed = (doc.feed ?? {}) as Node;
  return nodes(feed.entry).map((e) => {
    const status = (e['batch:status'] ?? {}) as Node;
    const operation = (e['batch:operation'] ?? {}) as Node;
    const code = Number(status['@_code']);
    return {
      batchId: textOf(e['batch:id']) ?? '',
      type: typeof operation['@_type'] === 'string' ? operation['@_type'] : '',
      code: Number.isFinite(code) ? code : 0,
      reason: typeof status['@_reason'] === 'string' ? status['@_reason'] : '',
      entry: code >= 200 && code < 300 && e.id !== undefined ? readEntry(e) : null,
    };
  });
}
