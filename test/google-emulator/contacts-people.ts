import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { ContactsFaultControls, underFaults, type Answer, type ContactsFaultKind, type ContactsFaultOptions, type ContactsQuota } from './contacts-faults';
import { GoogleApiError } from './errors';
import type { EmulatorRequest } from './http-io';
import type { AuthenticatedCaller, OAuthEndpoints } from './oauth';
import type { EmulatorServer } from './server';

export const PEOPLE_SCOPE = 'https://www.googleapis.com/auth/contacts';
const PEOPLE_READ_SCOPES = [PEOPLE_SCOPE, `${PEOPLE_SCOPE}.readonly`];

export const PEOPLE_PATHS = {
  batchCreate: /^\/v1\/people:batchCreateContacts$/,
  batchUpdate: /^\/v1\/people:batchUpdateContacts$/,
  batchDelete: /^\/v1\/people:batchDeleteContacts$/,
  person: /^\/v1\/people\/(c[0-9a-f]+)$/,
  connections: /^\/v1\/people\/me\/connections$/,
  groups: /^\/v1\/contactGroups$/,
  group: /^\/v1\/contactGroups\/([0-9a-f]+)$/,
  members: /^\/v1\/contactGroups\/([0-9a-f]+)\/members:modify$/,
} as const;

export type PeopleMethod =
  | 'batchCreateContacts'
  | 'batchUpdateContacts'
  | 'batchDeleteContacts'
  | 'get'
  | 'connections.list'
  | 'contactGroups.create'
  | 'contactGroups.get'
  | 'contactGroups.update'
  | 'contactGroups.list'
  | 'contactGroups.members.modify';
const METHODS: readonly PeopleMethod[] = [
  'batchCreateContacts',
  'batchUpdateContacts',
  'batchDeleteContacts',
  'get',
  'connections.list',
  'contactGroups.create',
  'contactGroups.get',
  'contactGroups.update',
  'contactGroups.list',
  'contactGroups.members.modify',
];
const PERSON_FIELDS = ['names', 'emailAddresses', 'phoneNumbers', 'addresses', 'organizations', 'urls', 'biographies', 'birthdays', 'clientData', 'memberships', 'metadata'];
const UPDATABLE = new Set(PERSON_FIELDS.filter((f) => f !== 'memberships' && f !== 'metadata'));

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

interface StoredPerson {
  id: string;
  user: string;
  etag: string;
  fields: Json;
  groups: Set<string>;
  created: number;
  updated: number;
  deletedAt: number | null;
}

interface StoredGroup {
  id: string;
  user: string;
  name: string;
  etag: string;
}

/** What tests read of a contact. */
export interface PeopleContactView {
  resourceName: string;
  etag: string;
  deleted: boolean;
  names: Json[];
  emailAddresses: Json[];
  phoneNumbers: Json[];
  addresses: Json[];
  organizations: Json[];
  biographies: Json[];
  clientData: { key: string; value: string }[];
  /** Resource names of the contact groups it belongs to. */
  groups: string[];
}

/** The legacy `errors[].reason` Google sends next to each canonical status. */
const REASONS: Record<string, string> = {
  INVALID_ARGUMENT: 'badRequest',
  NOT_FOUND: 'notFound',
  FAILED_PRECONDITION: 'failedPrecondition',
  ALREADY_EXISTS: 'duplicate',
  ABORTED: 'aborted',
  UNAVAILABLE: 'backendError',
};
const err = (code: number, status: string, message: string) => GoogleApiError.of(code, status, REASONS[status] ?? 'unknown', message);
const badRequest = (message: string) => err(400, 'INVALID_ARGUMENT', message);
const notFound = (message = 'Requested entity was not found.') => err(404, 'NOT_FOUND', message);

/** What tests see as `emulator.people`. */
export interface PeopleEmulator {
  /** The user's contacts (by email), live ones unless `includeDeleted`, in creation order. */
  contacts(userEmail: string, options?: { includeDeleted?: boolean }): PeopleContactView[];
  contact(userEmail: string, resourceName: string): PeopleContactView | undefined;
  groups(userEmail: string): { resourceName: string; name: string; memberCount: number }[];
  /** A contact the user made in Google Contacts (no clientData of ours unless given). */
  userCreate(userEmail: string, person: Json): PeopleContactView;
  /** An edit made in Google Contacts: fields replaced, new etag. */
  userEdit(userEmail: string, resourceName: string, fields: Json): PeopleContactView;
  userDelete(userEmail: string, resourceName: string): void;
  /** Reads (connections, group members) show a write only this long after it was made (Google: "may lag"). */
  setReadLag(ms: number): void;
  /** Contacts for which `predicate` returns a reason make their batch request fail with 400 and that reason. */
  rejectContacts(predicate: ((person: Json) => string | null) | null): void;
  setQuota(quota: ContactsQuota | null): void;
  injectFaults(options: ContactsFaultOptions): void;
  clearFaults(): void;
  setLatency(ms: number): void;
  readonly faultsInjected: Readonly<Record<ContactsFaultKind, number>>;
  readonly callsByMethod: Readonly<Record<PeopleMethod, number>>;
  /** Contacts created, updated and deleted (each contact of a batch counts), including those whose answer was lost. */
  readonly writeCount: number;
  /** Requests that may change something (batch mutations, group changes). */
  readonly mutationCalls: number;
  reset(): void;
}

/** The People API v1: contacts in batches, contact groups and their members, connections with clientData. */
export class PeopleApi extends ContactsFaultControls implements PeopleEmulator {
  private people = new Map<string, StoredPerson>();
  private groupsById = new Map<string, StoredGroup>();
  private lagMs = 0;
  private rejecter: ((person: Json) => string | null) | null = null;
  private inFlight = new Map<string, number>();
  callsByMethod = Object.fromEntries(METHODS.map((m) => [m, 0])) as Record<PeopleMethod, number>;
  writeCount = 0;
  mutationCalls = 0;

  constructor(
    private readonly now: () => number,
    private readonly oauth: Pick<OAuthEndpoints, 'authenticate'>,
  ) {
    super(now, METHODS);
  }

  register(server: EmulatorServer): void {
    const r = (verb: string, pattern: RegExp, method: PeopleMethod, fn: (caller: AuthenticatedCaller, req: EmulatorRequest, m: RegExpMatchArray) => Answer) =>
      server.route(verb, pattern, (req, res, m) => this.dispatch(method, req, res, m, fn));
    r('POST', PEOPLE_PATHS.batchCreate, 'batchCreateContacts', (c, req) => this.batchCreate(c, req));
    r('POST', PEOPLE_PATHS.batchUpdate, 'batchUpdateContacts', (c, req) => this.batchUpdate(c, req));
    r('POST', PEOPLE_PATHS.batchDelete, 'batchDeleteContacts', (c, req) => this.batchDelete(c, req));
    r('GET', PEOPLE_PATHS.person, 'get', (c, req, m) => this.getPerson(c, req, m[1]!));
    r('GET', PEOPLE_PATHS.connections, 'connections.list', (c, req) => this.connections(c, req));
    r('POST', PEOPLE_PATHS.groups, 'contactGroups.create', (c, req) => this.createGroup(c, req));
    r('GET', PEOPLE_PATHS.groups, 'contactGroups.list', (c) => this.listGroups(c));
    r('GET', PEOPLE_PATHS.group, 'contactGroups.get', (c, req, m) => this.getGroup(c, req, m[1]!));
    r('PUT', PEOPLE_PATHS.group, 'contactGroups.update', (c, req, m) => this.updateGroup(c, req, m[1]!));
    r('POST', PEOPLE_PATHS.members, 'contactGroups.members.modify', (c, req, m) => this.modifyMembers(c, req, m[1]!));
  }

  // -- test controls ---------------------------------------------------------------------------

  private userOf(email: string): string {
    return email.toLowerCase();
  }

  contacts(userEmail: string, options: { includeDeleted?: boolean } = {}): PeopleContactView[] {
    const user = this.userOf(userEmail);
    return [...this.people.values()].filter((p) => p.user === user && (options.includeDeleted || p.deletedAt === null)).map((p) => this.view(p));
  }

  contact(userEmail: string, resourceName: string): PeopleContactView | undefined {
    const p = this.people.get(resourceName.replace(/^people\//, ''));
    return p && p.user === this.userOf(userEmail) ? this.view(p) : undefined;
  }

  groups(userEmail: string): { resourceName: string; name: string; memberCount: number }[] {
    const user = this.userOf(userEmail);
    return [...this.groupsById.values()].filter((g) => g.user === user).map((g) => ({ resourceName: `contactGroups/${g.id}`, name: g.name, memberCount: this.members(g, false).length }));
  }

  userCreate(userEmail: string, person: Json): PeopleContactView {
    return this.view(this.store(this.userOf(userEmail), this.validPerson(person), []));
  }

  userEdit(userEmail: string, resourceName: string, fields: Json): PeopleContactView {
    const p = this.contactOf(this.userOf(userEmail), resourceName);
    p.fields = { ...p.fields, ...this.validPerson(fields) };
    this.touch(p);
    return this.view(p);
  }

  userDelete(userEmail: string, resourceName: string): void {
    const p = this.contactOf(this.userOf(userEmail), resourceName);
    p.deletedAt = this.now();
  }

  setReadLag(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('setReadLag: ms must be a finite number ≥ 0');
    this.lagMs = ms;
  }

  rejectContacts(predicate: ((person: Json) => string | null) | null): void {
    this.rejecter = predicate;
  }

  reset(): void {
    this.people.clear();
    this.groupsById.clear();
    this.lagMs = 0;
    this.rejecter = null;
    this.sw.reset();
    this.callsByMethod = Object.fromEntries(METHODS.map((m) => [m, 0])) as Record<PeopleMethod, number>;
    this.writeCount = 0;
    this.mutationCalls = 0;
  }

  // -- storage ---------------------------------------------------------------------------------

  private touch(p: { etag: string; updated?: number }): void {
    p.etag = `%${randomBytes(12).toString('base64url')}`;
    if ('updated' in p) p.updated = this.now();
  }

  private store(user: string, fields: Json, groups: string[]): StoredPerson {
    const p: StoredPerson = { id: `c${randomBytes(8).toString('hex')}`, user, etag: '', fields, groups: new Set(groups), created: this.now(), updated: this.now(), deletedAt: null };
    this.touch(p);
    this.people.set(p.id, p);
    return p;
  }

  private contactOf(user: string, resourceName: string): StoredPerson {
    const p = this.people.get(resourceName.replace(/^people\//, ''));
    if (!p || p.user !== user || p.deletedAt !== null) throw new Error(`no contact ${resourceName} of ${user}`);
    return p;
  }

  /** What reads show: a contact made within the lag is not there yet; one deleted within it still is. */
  private visible(p: StoredPerson): boolean {
    const horizon = this.now() - this.lagMs;
    return p.created <= horizon && (p.deletedAt === null || p.deletedAt > horizon);
  }

  private members(g: StoredGroup, lagged: boolean): StoredPerson[] {
    const rn = `contactGroups/${g.id}`;
    return [...this.people.values()].filter((p) => p.user === g.user && p.groups.has(rn) && (lagged ? this.visible(p) : p.deletedAt === null));
  }

  private view(p: StoredPerson): PeopleContactView {
    const list = (k: string) => (Array.isArray(p.fields[k]) ? (p.fields[k] as Json[]) : []);
    return {
      resourceName: `people/${p.id}`,
      etag: p.etag,
      deleted: p.deletedAt !== null,
      names: list('names'),
      emailAddresses: list('emailAddresses'),
      phoneNumbers: list('phoneNumbers'),
      addresses: list('addresses'),
      organizations: list('organizations'),
      biographies: list('biographies'),
      clientData: list('clientData') as { key: string; value: string }[],
      groups: [...p.groups],
    };
  }

  private render(p: StoredPerson, fields: readonly string[]): Json {
    const out: Json = { resourceName: `people/${p.id}`, etag: p.etag };
    for (const f of fields) {
      if (f === 'memberships') out.memberships = [...p.groups].map((g) => ({ contactGroupMembership: { contactGroupResourceName: g, contactGroupId: g.split('/')[1] } }));
      else if (f === 'metadata') out.metadata = { sources: [{ type: 'CONTACT', id: p.id, etag: p.etag, updateTime: new Date(p.updated).toISOString() }], objectType: 'PERSON' };
      else if (p.fields[f] !== undefined) out[f] = structuredClone(p.fields[f]);
    }
    return out;
  }

  // -- validation ------------------------------------------------------------------------------

  private fieldMask(value: unknown, name: string, allowed: ReadonlySet<string> | readonly string[]): string[] {
    if (typeof value !== 'string' || !value.trim()) throw badRequest(`${name} is required`);
    const fields = value.split(',').map((s) => s.trim());
    const set = new Set(allowed);
    const bad = fields.find((f) => !set.has(f));
    if (bad) throw badRequest(`Invalid ${name} path: "${bad}".`);
    return fields;
  }

  /** A person's writable fields, checked as the People API does. */
  private validPerson(value: unknown): Json {
    if (!isObject(value)) throw badRequest('Invalid contact');
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'resourceName' || k === 'etag' || k === 'metadata' || k === 'memberships') continue;
      if (!UPDATABLE.has(k)) throw badRequest(`Invalid contact field: ${k}`);
      if (!Array.isArray(v)) throw badRequest(`Invalid value at 'person.${k}'`);
      out[k] = structuredClone(v);
    }
    for (const e of (out.emailAddresses as Json[] | undefined) ?? []) if (typeof e.value !== 'string' || !e.value.includes('@')) throw badRequest('Invalid email address');
    for (const c of (out.clientData as Json[] | undefined) ?? []) if (typeof c.key !== 'string' || !c.key) throw badRequest('clientData needs a key');
    if ((out.names as Json[] | undefined)?.length && (out.names as Json[]).length > 1) throw badRequest('A contact has at most one name');
    return out;
  }

  private checkRejected(person: Json): void {
    const reason = this.rejecter?.(person);
    if (reason) throw badRequest(reason);
  }

  private groupsIn(value: unknown, user: string): string[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw badRequest('Invalid memberships');
    return value.map((m) => {
      const rn = isObject(m) && isObject(m.contactGroupMembership) ? m.contactGroupMembership.contactGroupResourceName : undefined;
      const g = typeof rn === 'string' ? this.groupsById.get(rn.replace(/^contactGroups\//, '')) : undefined;
      if (!g || g.user !== user) throw badRequest(`Contact group not found: ${String(rn)}`);
      return rn as string;
    });
  }

  // -- dispatch --------------------------------------------------------------------------------

  private async dispatch(
    method: PeopleMethod,
    req: EmulatorRequest,
    res: ServerResponse,
    m: RegExpMatchArray,
    fn: (caller: AuthenticatedCaller, req: EmulatorRequest, m: RegExpMatchArray) => Answer,
  ): Promise<void> {
    this.callsByMethod[method]++;
    const mutation = req.method !== 'GET';
    await underFaults(this.sw, method, res, (fail5xx) => {
      try {
        const caller = this.oauth.authenticate(req, mutation ? PEOPLE_SCOPE : PEOPLE_READ_SCOPES);
        if (caller instanceof GoogleApiError) throw caller;
        if (!this.sw.takeQuota(caller.account.sub)) {
          const retry = this.sw.retryAfterSeconds;
          const e = new GoogleApiError(429, "Quota exceeded for quota metric 'Critical read requests (Contact and Profile Reads)'", 'RESOURCE_EXHAUSTED', [
            { domain: 'global', reason: 'rateLimitExceeded', message: 'Quota exceeded' },
          ]);
          return { ...this.json(e.code, e.toJSON()), headers: retry !== undefined ? { 'retry-after': String(retry) } : {} };
        }
        if (fail5xx) throw err(503, 'UNAVAILABLE', 'The service is currently unavailable.');
        if (mutation) {
          // Google: "mutate requests for the same user should be sent sequentially"; overlapping ones fail.
          const user = caller.account.email;
          if ((this.inFlight.get(user) ?? 0) > 0) throw err(409, 'ABORTED', 'The operation was aborted: concurrent mutations for one user.');
          this.inFlight.set(user, 1);
          this.mutationCalls++;
          try {
            return fn(caller, req, m);
          } finally {
            this.inFlight.delete(user);
          }
        }
        return fn(caller, req, m);
      } catch (e) {
        if (e instanceof GoogleApiError) return { ...this.json(e.code, e.toJSON()), headers: e.headers };
        throw e;
      }
    });
  }

  private json(status: number, body: unknown): Answer {
    return { status, contentType: 'application/json; charset=UTF-8', body: JSON.stringify(body) };
  }

  private body(req: EmulatorRequest): Json {
    if (!isObject(req.body)) throw badRequest('Invalid JSON payload received.');
    return req.body;
  }

  // -- methods ---------------------------------------------------------------------------------

  private batchCreate(caller: AuthenticatedCaller, req: EmulatorRequest): Answer {
    const body = this.body(req);
    const user = this.userOf(caller.account.email);
    const readMask = this.fieldMask(body.readMask, 'readMask', PERSON_FIELDS);
    if (!Array.isArray(body.contacts) || body.contacts.length === 0) throw badRequest('contacts is required');
    if (body.contacts.length > 200) throw badRequest('Too many contacts in the request: at most 200');
    // All or nothing: every contact is checked before any is made.
    const prepared = body.contacts.map((c, i) => {
      if (!isObject(c) || !isObject(c.contactPerson)) throw badRequest(`contacts[${i}].contactPerson is required`);
      const fields = this.validPerson(c.contactPerson);
      this.checkRejected(c.contactPerson);
      return { fields, groups: this.groupsIn(c.contactPerson.memberships, user) };
    });
    const created = prepared.map((p) => this.store(user, p.fields, p.groups));
    this.writeCount += created.length;
    return this.json(200, { createdPeople: created.map((p) => ({ httpStatusCode: 200, person: this.render(p, readMask), status: {} })) });
  }

  private batchUpdate(caller: AuthenticatedCaller, req: EmulatorRequest): Answer {
    const body = this.body(req);
    const user = this.userOf(caller.account.email);
    const updateMask = this.fieldMask(body.updateMask, 'updateMask', UPDATABLE);
    const readMask = body.readMask === undefined ? [] : this.fieldMask(body.readMask, 'readMask', PERSON_FIELDS);
    if (!isObject(body.contacts) || Object.keys(body.contacts).length === 0) throw badRequest('contacts is required');
    const entries = Object.entries(body.contacts);
    if (entries.length > 200) throw badRequest('Too many contacts in the request: at most 200');
    const plan = entries.map(([rn, person]) => {
      const p = this.people.get(rn.replace(/^people\//, ''));
      if (!p || p.user !== user || p.deletedAt !== null) throw notFound(`Requested entity was not found: ${rn}`);
      if (!isObject(person)) throw badRequest(`Invalid contact ${rn}`);
      if (typeof person.etag !== 'string' || !person.etag) throw badRequest(`Request must set person.etag (${rn})`);
      if (person.etag !== p.etag) throw err(400, 'FAILED_PRECONDITION', `person.etag is stale: ${rn}`);
      const fields = this.validPerson(person);
      this.checkRejected(person);
      return { p, fields };
    });
    const updateResult: Json = {};
    for (const { p, fields } of plan) {
      for (const f of updateMask) {
        if (fields[f] === undefined) delete p.fields[f];
        else p.fields[f] = fields[f];
      }
      this.touch(p);
      this.writeCount++;
      updateResult[`people/${p.id}`] = { httpStatusCode: 200, person: this.render(p, readMask), status: {} };
    }
    return this.json(200, { updateResult });
  }

  private batchDelete(caller: AuthenticatedCaller, req: EmulatorRequest): Answer {
    const body = this.body(req);
    const user = this.userOf(caller.account.email);
    if (!Array.isArray(body.resourceNames) || body.resourceNames.length === 0) throw badRequest('resourceNames is required');
    if (body.resourceNames.length > 500) throw badRequest('Too many resource names: at most 500');
    const targets = body.resourceNames.map((rn) => {
      const p = typeof rn === 'string' ? this.people.get(rn.replace(/^people\//, '')) : undefined;
      if (!p || p.user !== user || p.deletedAt !== null) throw notFound(`Requested entity was not found: ${String(rn)}`);
      return p;
    });
    for (const p of targets) {
      p.deletedAt = this.now();
      this.writeCount++;
    }
    return this.json(200, {});
  }

  private getPerson(caller: AuthenticatedCaller, req: EmulatorRequest, id: string): Answer {
    const fields = this.fieldMask(req.query.personFields, 'personFields', PERSON_FIELDS);
    const p = this.people.get(id);
    if (!p || p.user !== this.userOf(caller.account.email) || p.deletedAt !== null) throw notFound();
    return this.json(200, this.render(p, fields));
  }

  private connections(caller: AuthenticatedCaller, req: EmulatorRequest): Answer {
    const fields = this.fieldMask(req.query.personFields, 'personFields', PERSON_FIELDS);
    const size = req.query.pageSize === undefined ? 100 : Number(req.query.pageSize);
    if (!Number.isInteger(size) || size < 1 || size > 1000) throw badRequest('pageSize must be between 1 and 1000');
    const start = req.query.pageToken === undefined ? 0 : Number(Buffer.from(req.query.pageToken, 'base64url').toString());
    if (!Number.isInteger(start) || start < 0) throw badRequest('Invalid pageToken');
    const user = this.userOf(caller.account.email);
    const all = [...this.people.values()].filter((p) => p.user === user && this.visible(p) && p.deletedAt === null);
    const page = all.slice(start, start + size);
    const next = start + size < all.length ? Buffer.from(String(start + size)).toString('base64url') : undefined;
    return this.json(200, { connections: page.map((p) => this.render(p, fields)), totalPeople: all.length, totalItems: all.length, ...(next ? { nextPageToken: next } : {}) });
  }

  private groupView(g: StoredGroup, maxMembers: number): Json {
    const members = this.members(g, true);
    return {
      resourceName: `contactGroups/${g.id}`,
      etag: g.etag,
      name: g.name,
      formattedName: g.name,
      groupType: 'USER_CONTACT_GROUP',
      memberCount: members.length,
      ...(maxMembers > 0 ? { memberResourceNames: members.slice(0, maxMembers).map((p) => `people/${p.id}`) } : {}),
    };
  }

  private createGroup(caller: AuthenticatedCaller, req: EmulatorRequest): Answer {
    const body = this.body(req);
    const user = this.userOf(caller.account.email);
    const name = isObject(body.contactGroup) ? body.contactGroup.name : undefined;
    if (typeof name !== 'string' || !name.trim()) throw badRequest('contactGroup.name is required');
    if ([...this.groupsById.values()].some((g) => g.user === user && g.name === name)) throw err(409, 'ALREADY_EXISTS', 'Contact group name already exists.');
    const g: StoredGroup = { id: randomBytes(6).toString('hex'), user, name, etag: '' };
    this.touch(g);
    this.groupsById.set(g.id, g);
    return this.json(200, this.groupView(g, 0));
  }

  private listGroups(caller: AuthenticatedCaller): Answer {
    const user = this.userOf(caller.account.email);
    const groups = [...this.groupsById.values()].filter((g) => g.user === user).map((g) => this.groupView(g, 0));
    return this.json(200, { contactGroups: groups, totalItems: groups.length });
  }

  private ownGroup(caller: AuthenticatedCaller, id: string): StoredGroup {
    const g = this.groupsById.get(id);
    if (!g || g.user !== this.userOf(caller.account.email)) throw notFound();
    return g;
  }

  private getGroup(caller: AuthenticatedCaller, req: EmulatorRequest, id: string): Answer {
    const max = req.query.maxMembers === undefined ? 0 : Number(req.query.maxMembers);
    if (!Number.isInteger(max) || max < 0) throw badRequest('Invalid maxMembers');
    return this.json(200, this.groupView(this.ownGroup(caller, id), max));
  }

  private updateGroup(caller: AuthenticatedCaller, req: EmulatorRequest, id: string): Answer {
    const g = this.ownGroup(caller, id);
    const body = this.body(req);
    const group = isObject(body.contactGroup) ? body.contactGroup : {};
    if (group.etag !== g.etag) throw err(400, 'FAILED_PRECONDITION', 'contactGroup.etag is stale');
    if (typeof group.name !== 'string' || !group.name.trim()) throw badRequest('contactGroup.name is required');
    if ([...this.groupsById.values()].some((o) => o !== g && o.user === g.user && o.name === group.name)) throw err(409, 'ALREADY_EXISTS', 'Contact group name already exists.');
    g.name = group.name;
    this.touch(g);
    return this.json(200, this.groupView(g, 0));
  }

  private modifyMembers(caller: AuthenticatedCaller, req: EmulatorRequest, id: string): Answer {
    const g = this.ownGroup(caller, id);
    const body = this.body(req);
    const add = Array.isArray(body.resourceNamesToAdd) ? body.resourceNamesToAdd : [];
    const remove = Array.isArray(body.resourceNamesToRemove) ? body.resourceNamesToRemove : [];
    if (add.length + remove.length === 0) throw badRequest('resourceNamesToAdd or resourceNamesToRemove is required');
    if (add.length > 1000 || remove.length > 1000) throw badRequest('At most 1000 resource names');
    const notFoundNames: string[] = [];
    const rn = `contactGroups/${g.id}`;
    for (const [list, adding] of [
      [add, true],
      [remove, false],
    ] as const) {
      for (const name of list) {
        const p = typeof name === 'string' ? this.people.get(name.replace(/^people\//, '')) : undefined;
        if (!p || p.user !== g.user || p.deletedAt !== null) notFoundNames.push(String(name));
        else if (adding) p.groups.add(rn);
        else p.groups.delete(rn);
      }
    }
    return this.json(200, notFoundNames.length ? { notFoundResourceNames: notFoundNames } : {});
  }
}
