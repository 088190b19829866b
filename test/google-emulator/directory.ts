import { generateKeyPairSync, randomBytes, randomInt, type KeyObject } from 'node:crypto';
import { normalizeScopes } from './scopes';
import { DEFAULT_ACCOUNT, type GoogleAccount } from './state';

/** The emulated Google Workspace's primary domain: DEFAULT_ACCOUNT (admin@example.com) is its first user. */
export const EMULATOR_DOMAIN = 'example.com';

/**
 * What an account is: a user of the emulated Workspace domain (impersonable through domain-wide
 * delegation), an account outside it (a consumer Gmail account or another organisation's user, with
 * its own calendar but never impersonable), or a service account (which owns the calendars it creates).
 */
export type AccountKind = 'user' | 'external' | 'serviceAccount';

export interface DirectoryAccount {
  email: string;
  /** The numeric account id (`sub` of tokens). */
  sub: string;
  name?: string;
  kind: AccountKind;
  suspended: boolean;
}

/** A user as `emulator.domain.users()` lists it. */
export interface DomainUser {
  email: string;
  sub: string;
  name?: string;
  suspended: boolean;
}

/** A service account key file as Google Cloud Console downloads it (`IAM → Service accounts → Keys → Add key → JSON`). */
export interface ServiceAccountKey {
  type: 'service_account';
  project_id: string;
  private_key_id: string;
  private_key: string;
  client_email: string;
  client_id: string;
  auth_uri: string;
  token_uri: string;
  auth_provider_x509_cert_url: string;
  client_x509_cert_url: string;
  universe_domain: 'googleapis.com';
}

export interface ServiceAccountRecord {
  clientId: string;
  email: string;
  projectId: string;
  name: string;
  /** private_key_id → public half. */
  keys: Map<string, KeyObject>;
}

/** One entry of the Admin console's domain-wide delegation list. */
export interface DelegationEntry {
  clientId: string;
  scopes: string[];
}

const lower = (email: string) => email.trim().toLowerCase();
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A 21-digit numeric id, like Google account and OAuth client ids. */
function numericId(): string {
  return `1${Array.from({ length: 20 }, () => randomInt(10)).join('')}`;
}

/**
 * The accounts Google knows: the emulated Workspace domain (primary domain `example.com`, plus any
 * secondary domains), accounts outside it, service accounts with their keys, and the domain-wide
 * delegation list of the Admin console.
 */
export class Directory {
  private readonly domainNames = new Set<string>([EMULATOR_DOMAIN]);
  private readonly accounts = new Map<string, DirectoryAccount>();
  private readonly serviceAccountsById = new Map<string, ServiceAccountRecord>();
  private readonly delegation = new Map<string, Set<string>>();
  private readonly groups = new Map<string, Set<string>>();
  /** Called when an account is removed (its primary calendar goes with it). */
  onRemove: ((email: string) => void) | null = null;

  constructor() {
    this.reset();
  }

  reset(): void {
    this.domainNames.clear();
    this.domainNames.add(EMULATOR_DOMAIN);
    this.accounts.clear();
    this.serviceAccountsById.clear();
    this.delegation.clear();
    this.groups.clear();
    this.accounts.set(DEFAULT_ACCOUNT.email, { email: DEFAULT_ACCOUNT.email, sub: DEFAULT_ACCOUNT.sub, name: 'Admin', kind: 'user', suspended: false });
  }

  // -- domain --------------------------------------------------------------------------------

  get primaryDomain(): string {
    return EMULATOR_DOMAIN;
  }

  domains(): string[] {
    return [...this.domainNames];
  }

  addDomain(domain: string): void {
    const d = domain.trim().toLowerCase();
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d)) throw new TypeError(`addDomain: "${domain}" is not a domain name`);
    if (['gmail.com', 'googlemail.com'].includes(d)) throw new TypeError(`addDomain: ${d} cannot be a Workspace domain`);
    for (const a of this.accounts.values()) if (a.kind === 'external' && domainOf(a.email) === d) throw new TypeError(`addDomain: ${a.email} is an account outside the domain`);
    this.domainNames.add(d);
  }

  isDomainEmail(email: string): boolean {
    return this.domainNames.has(domainOf(lower(email)));
  }

  addUser(email: string, options: { name?: string; sub?: string } = {}): DomainUser {
    const e = lower(email);
    if (!EMAIL.test(e)) throw new TypeError(`addUser: "${email}" is not an email address`);
    if (!this.isDomainEmail(e))
      throw new TypeError(`addUser: ${e} is not in the domain (${this.domains().join(', ')}); addDomain() it first, or addExternalAccount() for an account outside the domain`);
    const existing = this.accounts.get(e);
    if (existing && existing.kind !== 'user') throw new TypeError(`addUser: ${e} is already a ${existing.kind} account`);
    if (existing) {
      if (options.name !== undefined) existing.name = options.name;
      return userView(existing);
    }
    const account: DirectoryAccount = { email: e, sub: options.sub ?? numericId(), name: options.name, kind: 'user', suspended: false };
    this.accounts.set(e, account);
    return userView(account);
  }

  addExternalAccount(email: string, options: { name?: string; sub?: string } = {}): void {
    const e = lower(email);
    if (!EMAIL.test(e)) throw new TypeError(`addExternalAccount: "${email}" is not an email address`);
    if (this.isDomainEmail(e)) throw new TypeError(`addExternalAccount: ${e} is in the domain; use addUser()`);
    const existing = this.accounts.get(e);
    if (existing && existing.kind !== 'external') throw new TypeError(`addExternalAccount: ${e} is already a ${existing.kind} account`);
    if (existing) return;
    this.accounts.set(e, { email: e, sub: options.sub ?? numericId(), name: options.name, kind: 'external', suspended: false });
  }

  /** An account that signs in on the consent screen exists from then on (a domain user when its domain is the domain's). */
  ensureSignedIn(account: GoogleAccount): void {
    const e = lower(account.email);
    if (this.accounts.has(e) || !EMAIL.test(e)) return;
    this.accounts.set(e, { email: e, sub: account.sub, kind: this.isDomainEmail(e) ? 'user' : 'external', suspended: false });
  }

  suspendUser(email: string, suspended = true): void {
    const a = this.accounts.get(lower(email));
    if (!a || a.kind !== 'user') throw new TypeError(`suspendUser: ${email} is not a user of the domain`);
    a.suspended = suspended;
  }

  removeUser(email: string): void {
    const e = lower(email);
    const a = this.accounts.get(e);
    if (!a || a.kind === 'serviceAccount') throw new TypeError(`removeUser: no user ${email}`);
    this.accounts.delete(e);
    this.onRemove?.(e);
  }

  users(): DomainUser[] {
    return [...this.accounts.values()].filter((a) => a.kind === 'user').map(userView);
  }

  account(email: string): DirectoryAccount | undefined {
    return this.accounts.get(lower(email));
  }

  /** An account that can use Google now: known, not suspended. */
  isActive(email: string): boolean {
    const a = this.accounts.get(lower(email));
    return a !== undefined && !a.suspended;
  }

  /** A user of the domain who can be impersonated (exists, not suspended). */
  activeUser(email: string): DirectoryAccount | undefined {
    const a = this.accounts.get(lower(email));
    return a && a.kind === 'user' && !a.suspended ? a : undefined;
  }

  /** A Google group (any address) and its members; replaces an earlier definition. */
  setGroup(email: string, members: readonly string[]): void {
    const e = lower(email);
    if (!EMAIL.test(e)) throw new TypeError(`setGroup: "${email}" is not an email address`);
    this.groups.set(e, new Set(members.map(lower)));
  }

  /** The groups the account is a member of (directly). */
  groupsOf(email: string): string[] {
    const e = lower(email);
    return [...this.groups].filter(([, m]) => m.has(e)).map(([g]) => g);
  }

  // -- service accounts ----------------------------------------------------------------------

  createServiceAccount(options: { name?: string; projectId?: string }, tokenUri: string, authUri: string): ServiceAccountKey {
    const name = options.name ?? `gateway-sync-${randomBytes(3).toString('hex')}`;
    if (!/^[a-z]([-a-z0-9]{4,28}[a-z0-9])$/.test(name)) throw new TypeError(`serviceAccounts.create: "${name}" must be 6–30 lowercase letters, digits or hyphens, starting with a letter`);
    const projectId = options.projectId ?? 'erp-gateway-project';
    const email = `${name}@${projectId}.iam.gserviceaccount.com`;
    if (this.accounts.has(email)) throw new TypeError(`serviceAccounts.create: ${email} already exists`);
    const record: ServiceAccountRecord = { clientId: numericId(), email, projectId, name, keys: new Map() };
    this.serviceAccountsById.set(record.clientId, record);
    this.accounts.set(email, { email, sub: record.clientId, name, kind: 'serviceAccount', suspended: false });
    return this.addKey(record, tokenUri, authUri);
  }

  /** A new key (JSON) for an existing service account (Google allows up to 10). */
  addKey(record: ServiceAccountRecord, tokenUri: string, authUri: string): ServiceAccountKey {
    if (record.keys.size >= 10) throw new RangeError('serviceAccounts: at most 10 keys per service account');
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyId = randomBytes(20).toString('hex');
    record.keys.set(keyId, publicKey);
    return {
      type: 'service_account',
      project_id: record.projectId,
      private_key_id: keyId,
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      client_email: record.email,
      client_id: record.clientId,
      auth_uri: authUri,
      token_uri: tokenUri,
      auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
      client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(record.email)}`,
      universe_domain: 'googleapis.com',
    };
  }

  serviceAccountByEmail(email: string): ServiceAccountRecord | undefined {
    const a = this.accounts.get(lower(email));
    return a?.kind === 'serviceAccount' ? this.serviceAccountsById.get(a.sub) : undefined;
  }

  serviceAccountByClientId(clientId: string): ServiceAccountRecord | undefined {
    return this.serviceAccountsById.get(clientId);
  }

  serviceAccounts(): ServiceAccountRecord[] {
    return [...this.serviceAccountsById.values()];
  }

  /** Deletes a key: assertions signed with it fail from now on (tokens already issued live on). */
  deleteKey(keyId: string): void {
    for (const sa of this.serviceAccountsById.values()) if (sa.keys.delete(keyId)) return;
    throw new TypeError(`serviceAccounts.deleteKey: no key ${keyId}`);
  }

  // -- domain-wide delegation ----------------------------------------------------------------

  authorizeDelegation(clientId: string, scopes: readonly string[]): void {
    if (!/^\d{6,}$/.test(clientId)) throw new TypeError(`delegation.authorize: "${clientId}" is not a numeric client id (the service account's "Unique ID")`);
    if (scopes.length === 0) throw new TypeError('delegation.authorize: at least one scope');
    this.delegation.set(clientId, new Set(normalizeScopes(scopes)));
  }

  revokeDelegation(clientId: string): void {
    this.delegation.delete(clientId);
  }

  delegations(): DelegationEntry[] {
    return [...this.delegation].map(([clientId, scopes]) => ({ clientId, scopes: [...scopes] }));
  }

  /** The requested scopes the delegation list does not grant the client (all of them when it is not listed). */
  missingDelegatedScopes(clientId: string, scopes: readonly string[]): string[] {
    const granted = this.delegation.get(clientId);
    return scopes.filter((s) => !granted?.has(s));
  }
}

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

function userView(a: DirectoryAccount): DomainUser {
  return a.name === undefined ? { email: a.email, sub: a.sub, suspended: a.suspended } : { email: a.email, sub: a.sub, name: a.name, suspended: a.suspended };
}
