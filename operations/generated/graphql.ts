/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** A local date string (i.e., with no associated timezone) in `YYYY-MM-DD` format, e.g. `2020-01-01`. */
  LocalDate: { input: any; output: any; }
  /** The `Upload` scalar type represents a file upload. */
  Upload: { input: any; output: any; }
};

export type AddPrintServerInput = {
  name: Scalars['String']['input'];
  /** ipp://, ipps://, http:// or https:// address of the server, e.g. ipp://print.example.com:631 */
  uri: Scalars['String']['input'];
};

/** What Google appended to the redirect URL, for frontends that receive it themselves */
export type AuthorizeGoogleInput = {
  code: Scalars['String']['input'];
  state: Scalars['String']['input'];
};

/** A tenant's server caches were dropped on every gateway process; clear client caches too */
export type CacheResetEvent = {
  __typename?: 'CacheResetEvent';
  at: Scalars['DateTime']['output'];
  /** Why: "manual", "google-authorized", … */
  reason: Scalars['String']['output'];
  /** The subject who asked for it, if a person did */
  requestedBy?: Maybe<Scalars['String']['output']>;
  tenant: Scalars['String']['output'];
};

/** How tasks reach each employee's Google calendar */
export type CalendarAccessMode =
  /** Domain-wide delegation: a service account impersonates each employee and writes to the employee's own primary calendar (recommended for Workspace) */
  | 'DELEGATED'
  /** Each employee shared their calendar with the authorized account ("Make changes to events") */
  | 'EMPLOYEE_CALENDARS'
  /** The authorized account owns one calendar per employee ("Tasks · <name>") and shares it with the employee */
  | 'SHARED_CALENDARS';

/** What an employee may do in the calendar shared with them (SHARED_CALENDARS) */
export type CalendarAclRole =
  | 'READER'
  | 'WRITER';

export type CalendarGrouping =
  /** Local calendar days in the tenant’s time zone (23 or 25 hours on DST change days) */
  | 'DAY'
  | 'EMPLOYEE'
  /** Calendar months */
  | 'MONTH'
  /** ISO weeks, from Monday */
  | 'WEEK';

/** How the tenant's tasks reach Google Calendar */
export type CalendarSettings = {
  __typename?: 'CalendarSettings';
  /** SHARED_CALENDARS: the role each employee gets on their calendar */
  aclRole: CalendarAclRole;
  /** SHARED_CALENDARS: delete (rather than only unshare) the calendar of an employee who is deactivated or deleted */
  deleteRemovedCalendars: Scalars['Boolean']['output'];
  /** The Calendar scopes this mode needs (authorized by the admin, or listed for domain-wide delegation) */
  googleScopes: Array<Scalars['String']['output']>;
  mode: CalendarAccessMode;
  /** SHARED_CALENDARS: whether Google emails the employee when their calendar is shared */
  sendNotifications: Scalars['Boolean']['output'];
  /** SHARED_CALENDARS: a group address; when set, one more calendar holds every task and is shared with it */
  tenantCalendarGroup?: Maybe<Scalars['String']['output']>;
};

/** A contact of the tenant's shared address book */
export type Contact = {
  __typename?: 'Contact';
  addresses: Array<ContactAddress>;
  birthday?: Maybe<Scalars['LocalDate']['output']>;
  company?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  department?: Maybe<Scalars['String']['output']>;
  /** As set, or derived from the names, the company or the primary email */
  displayName: Scalars['String']['output'];
  emails: Array<ContactEmail>;
  familyName?: Maybe<Scalars['String']['output']>;
  givenName?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  jobTitle?: Maybe<Scalars['String']['output']>;
  middleName?: Maybe<Scalars['String']['output']>;
  notes?: Maybe<Scalars['String']['output']>;
  phoneNumbers: Array<ContactPhoneNumber>;
  /** Its state in the tenant's current Google target */
  syncState: ContactSyncState;
  updatedAt: Scalars['DateTime']['output'];
  website?: Maybe<Scalars['String']['output']>;
};

/** A postal address */
export type ContactAddress = {
  __typename?: 'ContactAddress';
  city?: Maybe<Scalars['String']['output']>;
  /** ISO 3166-1 alpha-2 */
  countryCode?: Maybe<Scalars['String']['output']>;
  postalCode?: Maybe<Scalars['String']['output']>;
  region?: Maybe<Scalars['String']['output']>;
  street?: Maybe<Scalars['String']['output']>;
};

export type ContactAddressInput = {
  city?: InputMaybe<Scalars['String']['input']>;
  /** ISO 3166-1 alpha-2, e.g. RO */
  countryCode?: InputMaybe<Scalars['String']['input']>;
  postalCode?: InputMaybe<Scalars['String']['input']>;
  region?: InputMaybe<Scalars['String']['input']>;
  street?: InputMaybe<Scalars['String']['input']>;
};

export type ContactConnection = {
  __typename?: 'ContactConnection';
  edges: Array<ContactEdge>;
  pageInfo: PageInfo;
};

export type ContactEdge = {
  __typename?: 'ContactEdge';
  cursor: Scalars['String']['output'];
  node: Contact;
};

/** An email address of a contact */
export type ContactEmail = {
  __typename?: 'ContactEmail';
  address: Scalars['String']['output'];
  /** Exactly one address of a contact with addresses is primary */
  primary: Scalars['Boolean']['output'];
  type: ContactEmailType;
};

export type ContactEmailInput = {
  address: Scalars['String']['input'];
  /** At most one; without one, the first address is primary */
  primary?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default WORK */
  type?: InputMaybe<ContactEmailType>;
};

export type ContactEmailType =
  | 'HOME'
  | 'OTHER'
  | 'WORK';

export type ContactFilter = {
  /** Words in the display name, company or an email address */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** A phone number as entered, and in E.164 form when it could be derived */
export type ContactPhoneNumber = {
  __typename?: 'ContactPhoneNumber';
  /** E.164 (+40712345678), derived with the tenant's default country; null when the number is not valid */
  e164?: Maybe<Scalars['String']['output']>;
  /** As entered */
  number: Scalars['String']['output'];
  type: ContactPhoneType;
};

export type ContactPhoneNumberInput = {
  /** As written; E.164 is derived with the tenant's default country */
  number: Scalars['String']['input'];
  /** Default WORK */
  type?: InputMaybe<ContactPhoneType>;
};

export type ContactPhoneType =
  | 'FAX'
  | 'HOME'
  | 'MOBILE'
  | 'OTHER'
  | 'WORK';

/** A contact's state in the tenant's current Google target */
export type ContactSyncState = {
  __typename?: 'ContactSyncState';
  /** The contact's id in Google (DSC entry id or People resource name); null until pushed */
  googleId?: Maybe<Scalars['String']['output']>;
  /** What Google said when it last refused the contact */
  lastError?: Maybe<Scalars['String']['output']>;
  /** When it was last pushed or confirmed */
  syncedAt?: Maybe<Scalars['DateTime']['output']>;
  target: ContactsTarget;
  /** True when Google holds the current version (nothing to push) */
  upToDate: Scalars['Boolean']['output'];
};

/** Where and how the tenant's contacts are pushed to Google */
export type ContactsSettings = {
  __typename?: 'ContactsSettings';
  /** ISO 3166-1 alpha-2 country of phone numbers written without a country code */
  defaultCountry: Scalars['String']['output'];
  /** The Workspace domain (DOMAIN_SHARED) */
  domain?: Maybe<Scalars['String']['output']>;
  /** The OAuth scope the target needs (the only contacts scope the authorization asks for) */
  googleScope: Scalars['String']['output'];
  /** The contact group's name (USER_GROUP): as set, or the tenant's name */
  groupName: Scalars['String']['output'];
  target: ContactsTarget;
};

/** DOMAIN_SHARED: the Workspace domain's shared contacts (Domain Shared Contacts API); USER_GROUP: one contact group of the authorizing account (People API) */
export type ContactsTarget =
  | 'DOMAIN_SHARED'
  | 'USER_GROUP';

/** A contact needs at least one of: a name, a company, an email */
export type CreateContactInput = {
  /** At most 5 */
  addresses?: InputMaybe<Array<ContactAddressInput>>;
  birthday?: InputMaybe<Scalars['LocalDate']['input']>;
  company?: InputMaybe<Scalars['String']['input']>;
  department?: InputMaybe<Scalars['String']['input']>;
  /** Derived from the names (or company, or email) when not given */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** At most 10 */
  emails?: InputMaybe<Array<ContactEmailInput>>;
  familyName?: InputMaybe<Scalars['String']['input']>;
  givenName?: InputMaybe<Scalars['String']['input']>;
  jobTitle?: InputMaybe<Scalars['String']['input']>;
  middleName?: InputMaybe<Scalars['String']['input']>;
  notes?: InputMaybe<Scalars['String']['input']>;
  /** At most 10 */
  phoneNumbers?: InputMaybe<Array<ContactPhoneNumberInput>>;
  /** An http(s) URL */
  website?: InputMaybe<Scalars['String']['input']>;
};

export type CreateEmployeeInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** Defaults to the email */
  calendarId?: InputMaybe<Scalars['String']['input']>;
  email: Scalars['String']['input'];
  name: Scalars['String']['input'];
};

export type CreatePartnerInput = {
  fiscalCode?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
};

export type CreateProjectInput = {
  name: Scalars['String']['input'];
  partnerId?: InputMaybe<Scalars['ID']['input']>;
};

/** A timed task has startsAt/endsAt; an all-day task has startDate/endDate (inclusive) */
export type CreateTaskInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  employeeId: Scalars['ID']['input'];
  endDate?: InputMaybe<Scalars['LocalDate']['input']>;
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  location?: InputMaybe<Scalars['String']['input']>;
  partnerId?: InputMaybe<Scalars['ID']['input']>;
  projectId?: InputMaybe<Scalars['ID']['input']>;
  startDate?: InputMaybe<Scalars['LocalDate']['input']>;
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  status?: InputMaybe<TaskStatus>;
  title: Scalars['String']['input'];
};

export type DateRangeInput = {
  from: Scalars['DateTime']['input'];
  /** Exclusive */
  to: Scalars['DateTime']['input'];
};

/** What Google answered for one scope when impersonating the subject */
export type DelegationScopeCheck = {
  __typename?: 'DelegationScopeCheck';
  /** Why it was refused, and what to do */
  error?: Maybe<Scalars['String']['output']>;
  granted: Scalars['Boolean']['output'];
  scope: Scalars['String']['output'];
};

export type Employee = {
  __typename?: 'Employee';
  active: Scalars['Boolean']['output'];
  /** The Google calendar tasks go into (defaults to the email) */
  calendarId: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type EmployeeConnection = {
  __typename?: 'EmployeeConnection';
  edges: Array<EmployeeEdge>;
  pageInfo: PageInfo;
};

export type EmployeeEdge = {
  __typename?: 'EmployeeEdge';
  cursor: Scalars['String']['output'];
  node: Employee;
};

/** Open `url` in the admin’s browser; Google sends the admin back to the gateway’s callback */
export type GoogleAuthorizationRequest = {
  __typename?: 'GoogleAuthorizationRequest';
  expiresAt: Scalars['DateTime']['output'];
  /** Single use; bound to this tenant and admin */
  state: Scalars['String']['output'];
  /** Google's consent page for exactly the scopes of the enabled modules */
  url: Scalars['String']['output'];
};

/** The tenant's Google Workspace connection (the client secret and tokens are never readable) */
export type GoogleConnection = {
  __typename?: 'GoogleConnection';
  authorizedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The admin (token subject) who authorized */
  authorizedBy?: Maybe<Scalars['String']['output']>;
  /** The OAuth client ID */
  clientId?: Maybe<Scalars['String']['output']>;
  /** What to paste in Admin console → Security → API controls → Domain-wide delegation, with the service account's client id: the enabled modules' scopes, comma-separated */
  delegationScopes: Scalars['String']['output'];
  /** Scopes Google granted */
  grantedScopes: Array<Scalars['String']['output']>;
  /** What went wrong last, and what to do about it */
  lastError?: Maybe<Scalars['String']['output']>;
  /** When an access token was last obtained */
  lastRefreshAt?: Maybe<Scalars['DateTime']['output']>;
  /** Scopes the enabled modules need that Google has not granted */
  missingScopes: Array<Scalars['String']['output']>;
  /** The service account for domain-wide delegation (its private key is never readable) */
  serviceAccount?: Maybe<GoogleServiceAccount>;
  status: GoogleConnectionStatus;
};

/** Where the tenant stands with Google */
export type GoogleConnectionStatus =
  /** Authorized; Google calls work */
  | 'AUTHORIZED'
  /** Client ID and secret stored; not authorized */
  | 'CREDENTIALS_SET'
  /** Google refused the stored grant (revoked or expired); an admin must authorize again */
  | 'REAUTHORIZATION_REQUIRED'
  /** No OAuth client yet */
  | 'UNCONFIGURED';

/** The result of impersonating one user of the domain with each scope the tenant needs */
export type GoogleDelegationCheck = {
  __typename?: 'GoogleDelegationCheck';
  clientId: Scalars['String']['output'];
  /** Every scope granted */
  ok: Scalars['Boolean']['output'];
  scopes: Array<DelegationScopeCheck>;
  subject: Scalars['String']['output'];
};

/** A service account that impersonates the domain’s users (domain-wide delegation) */
export type GoogleServiceAccount = {
  __typename?: 'GoogleServiceAccount';
  clientEmail: Scalars['String']['output'];
  /** The client id to paste in the Admin console’s domain-wide delegation list */
  clientId: Scalars['String']['output'];
  privateKeyId?: Maybe<Scalars['String']['output']>;
  setAt: Scalars['DateTime']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds a CUPS/IPP print server; its queues arrive with the next syncPrinters */
  addPrintServer: PrintServer;
  /** Authorize and reset client + server cache: exchanges the code, stores the grant, drops every cache of the tenant */
  authorizeGoogle: GoogleConnection;
  /** Cancels the job at the printer (IPP Cancel-Job) */
  cancelPrintJob: PrintJob;
  /** A queued run is cancelled at once; a running one stops at its next item */
  cancelSyncRun: SyncRun;
  /** True when there was a schedule to remove */
  clearSyncSchedule: Scalars['Boolean']['output'];
  createContact: Contact;
  createEmployee: Employee;
  createPartner: Partner;
  createProject: Project;
  createTask: Task;
  /** The contact leaves Google on the next sync */
  deleteContact: Scalars['Boolean']['output'];
  deleteEmployee: Scalars['Boolean']['output'];
  deletePartner: Scalars['Boolean']['output'];
  deleteProject: Scalars['Boolean']['output'];
  /** The event leaves Google on the next sync */
  deleteTask: Scalars['Boolean']['output'];
  /** Revokes the grant at Google (best effort, reported in lastError) and deletes the tokens */
  disconnectGoogle: GoogleConnection;
  /** Forgets the service account (its key and every token obtained with it) */
  removeGoogleServiceAccount: GoogleConnection;
  /** Removes a print server an admin added; its printers stay, marked removed */
  removePrintServer: Scalars['Boolean']['output'];
  /** Starts the authorization: open the URL; Google returns to /oauth/google/callback */
  requestGoogleAuthorization: GoogleAuthorizationRequest;
  /** Drops every server-side cache of the caller's tenant on every gateway process and notifies frontends (cacheReset) */
  resetCaches: CacheResetEvent;
  /** Stores the OAuth client; a new client ID drops the tokens of the old one */
  setGoogleClientCredentials: GoogleConnection;
  /** Stores the service account used for domain-wide delegation (DELEGATED calendar mode). Then paste `serviceAccount.clientId` and `delegationScopes` in Admin console → Security → API controls → Domain-wide delegation */
  setGoogleServiceAccount: GoogleConnection;
  /** Runs the module’s sync on a cron schedule (trigger SCHEDULE) */
  setSyncSchedule: SyncSchedule;
  /** Streams the uploaded document to the printer (IPP Print-Job); send it as a multipart request with the header Apollo-Require-Preflight */
  submitPrintJob: PrintJob;
  /** Returns at once (QUEUED), or the run already queued or running */
  syncContacts: SyncRun;
  /** Imports printers from the print servers and Google Workspace; returns at once (QUEUED), or the run already queued or running */
  syncPrinters: SyncRun;
  /** Returns at once (QUEUED), or the run already queued or running */
  syncTasks: SyncRun;
  /** A new mode takes effect at the next sync, which moves every event to where the mode puts it. SHARED_CALENDARS needs the full Calendar scope: authorize again */
  updateCalendarSettings: CalendarSettings;
  updateContact: Contact;
  /** A new target asks for its scope at the next authorization; contacts are then pushed there in full */
  updateContactsSettings: ContactsSettings;
  updateEmployee: Employee;
  updatePartner: Partner;
  updateProject: Project;
  updateTask: Task;
  /** Changing the time zone moves all-day tasks to the new zone’s days */
  updateTenantSettings: Tenant;
  /** Impersonates `subject` (a user of the domain) once per needed scope and reports, per scope, whether Google granted it */
  verifyGoogleDelegation: GoogleDelegationCheck;
};


export type MutationAddPrintServerArgs = {
  input: AddPrintServerInput;
};


export type MutationAuthorizeGoogleArgs = {
  input: AuthorizeGoogleInput;
};


export type MutationCancelPrintJobArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCancelSyncRunArgs = {
  id: Scalars['ID']['input'];
};


export type MutationClearSyncScheduleArgs = {
  module: SyncModule;
};


export type MutationCreateContactArgs = {
  input: CreateContactInput;
};


export type MutationCreateEmployeeArgs = {
  input: CreateEmployeeInput;
};


export type MutationCreatePartnerArgs = {
  input: CreatePartnerInput;
};


export type MutationCreateProjectArgs = {
  input: CreateProjectInput;
};


export type MutationCreateTaskArgs = {
  input: CreateTaskInput;
};


export type MutationDeleteContactArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteEmployeeArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeletePartnerArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteProjectArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteTaskArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemovePrintServerArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetGoogleClientCredentialsArgs = {
  input: SetGoogleClientCredentialsInput;
};


export type MutationSetGoogleServiceAccountArgs = {
  input: SetGoogleServiceAccountInput;
};


export type MutationSetSyncScheduleArgs = {
  cron: Scalars['String']['input'];
  module: SyncModule;
  timeZone?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSubmitPrintJobArgs = {
  input: SubmitPrintJobInput;
};


export type MutationSyncContactsArgs = {
  input?: InputMaybe<SyncContactsInput>;
};


export type MutationSyncTasksArgs = {
  input?: InputMaybe<SyncTasksInput>;
};


export type MutationUpdateCalendarSettingsArgs = {
  input: UpdateCalendarSettingsInput;
};


export type MutationUpdateContactArgs = {
  id: Scalars['ID']['input'];
  input: UpdateContactInput;
};


export type MutationUpdateContactsSettingsArgs = {
  input: UpdateContactsSettingsInput;
};


export type MutationUpdateEmployeeArgs = {
  id: Scalars['ID']['input'];
  input: UpdateEmployeeInput;
};


export type MutationUpdatePartnerArgs = {
  id: Scalars['ID']['input'];
  input: UpdatePartnerInput;
};


export type MutationUpdateProjectArgs = {
  id: Scalars['ID']['input'];
  input: UpdateProjectInput;
};


export type MutationUpdateTaskArgs = {
  id: Scalars['ID']['input'];
  input: UpdateTaskInput;
};


export type MutationUpdateTenantSettingsArgs = {
  input: UpdateTenantSettingsInput;
};


export type MutationVerifyGoogleDelegationArgs = {
  subject: Scalars['String']['input'];
};

/** Relay page information */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type Partner = {
  __typename?: 'Partner';
  createdAt: Scalars['DateTime']['output'];
  fiscalCode?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type PartnerConnection = {
  __typename?: 'PartnerConnection';
  edges: Array<PartnerEdge>;
  pageInfo: PageInfo;
};

export type PartnerEdge = {
  __typename?: 'PartnerEdge';
  cursor: Scalars['String']['output'];
  node: Partner;
};

/** A print job submitted through the gateway */
export type PrintJob = {
  __typename?: 'PrintJob';
  copies: Scalars['Int']['output'];
  documentName: Scalars['String']['output'];
  /** When it reached COMPLETED, ABORTED or CANCELED */
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** MIME type sniffed from the bytes */
  format: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The printer's job-id */
  ippJobId?: Maybe<Scalars['Int']['output']>;
  printer: Printer;
  /** Bytes sent to the printer */
  sizeBytes: Scalars['Int']['output'];
  state: PrintJobState;
  stateMessage?: Maybe<Scalars['String']['output']>;
  /** IPP job-state-reasons */
  stateReasons: Array<Scalars['String']['output']>;
  submittedAt: Scalars['DateTime']['output'];
  /** The caller who submitted it (JWT sub) */
  submittedBy: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type PrintJobConnection = {
  __typename?: 'PrintJobConnection';
  edges: Array<PrintJobEdge>;
  pageInfo: PageInfo;
};

export type PrintJobEdge = {
  __typename?: 'PrintJobEdge';
  cursor: Scalars['String']['output'];
  node: PrintJob;
};

/** IPP job-state (processing-stopped counts as PROCESSING, with its reasons) */
export type PrintJobState =
  | 'ABORTED'
  | 'CANCELED'
  | 'COMPLETED'
  | 'HELD'
  | 'PENDING'
  | 'PROCESSING';

/** A CUPS/IPP print server */
export type PrintServer = {
  __typename?: 'PrintServer';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Last time it answered */
  lastContactAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why the last contact failed (null after a success) */
  lastError?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  /** Set when Google Workspace stopped listing it */
  removedAt?: Maybe<Scalars['DateTime']['output']>;
  source: PrinterSource;
  /** Google's id (servers from Google Workspace) */
  sourceId?: Maybe<Scalars['String']['output']>;
  /** ipp, ipps, http or https address of the server */
  uri: Scalars['String']['output'];
};

/** A printer from Google Workspace or from a CUPS/IPP print server */
export type Printer = {
  __typename?: 'Printer';
  acceptingJobs: Scalars['Boolean']['output'];
  capabilities: PrinterCapabilitiesType;
  createdAt: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  displayName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Last time its source listed it */
  lastSeenAt?: Maybe<Scalars['DateTime']['output']>;
  location?: Maybe<Scalars['String']['output']>;
  makeAndModel?: Maybe<Scalars['String']['output']>;
  /** Google org unit id (Google Workspace printers) */
  orgUnitId?: Maybe<Scalars['String']['output']>;
  /** The print server it was found on (print server printers) */
  printServer?: Maybe<PrintServer>;
  /** Set when it disappeared at its source */
  removedAt?: Maybe<Scalars['DateTime']['output']>;
  source: PrinterSource;
  /** The printer's id at its source (Google's printer id, or print server id / queue name) */
  sourceId: Scalars['String']['output'];
  /** True when a live read was asked for and did not answer in time: the state shown is the stored one */
  stale: Scalars['Boolean']['output'];
  state: PrinterState;
  /** When the state was last read from the printer */
  stateCheckedAt?: Maybe<Scalars['DateTime']['output']>;
  /** IPP printer-state-reasons, or why the state is UNKNOWN */
  stateReasons: Array<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  /** ipp:// or ipps:// address of the printer */
  uri?: Maybe<Scalars['String']['output']>;
};

/** What a printer can do, as it last said over IPP (empty lists when never asked) */
export type PrinterCapabilitiesType = {
  __typename?: 'PrinterCapabilitiesType';
  color?: Maybe<Scalars['Boolean']['output']>;
  copiesMax: Scalars['Int']['output'];
  copiesMin: Scalars['Int']['output'];
  /** MIME types it accepts (document-format-supported) */
  documentFormats: Array<Scalars['String']['output']>;
  duplex?: Maybe<Scalars['Boolean']['output']>;
  /** Media names (media-supported) */
  media: Array<Scalars['String']['output']>;
};

export type PrinterConnection = {
  __typename?: 'PrinterConnection';
  edges: Array<PrinterEdge>;
  pageInfo: PageInfo;
};

export type PrinterEdge = {
  __typename?: 'PrinterEdge';
  cursor: Scalars['String']['output'];
  node: Printer;
};

/** All given criteria apply together */
export type PrinterFilter = {
  /** Also printers gone at their source (default false) */
  includeRemoved?: InputMaybe<Scalars['Boolean']['input']>;
  /** Words in the name, description, location or make and model */
  search?: InputMaybe<Scalars['String']['input']>;
  source?: InputMaybe<PrinterSource>;
  state?: InputMaybe<PrinterState>;
};

/** Where the gateway learned of a printer */
export type PrinterSource =
  | 'GOOGLE_WORKSPACE'
  | 'PRINT_SERVER';

/** IPP printer-state, or UNKNOWN when the printer could not be asked */
export type PrinterState =
  | 'IDLE'
  | 'PROCESSING'
  | 'STOPPED'
  | 'UNKNOWN';

export type Project = {
  __typename?: 'Project';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  partner?: Maybe<Partner>;
  updatedAt: Scalars['DateTime']['output'];
};

export type ProjectConnection = {
  __typename?: 'ProjectConnection';
  edges: Array<ProjectEdge>;
  pageInfo: PageInfo;
};

export type ProjectEdge = {
  __typename?: 'ProjectEdge';
  cursor: Scalars['String']['output'];
  node: Project;
};

export type Query = {
  __typename?: 'Query';
  calendarSettings: CalendarSettings;
  contact: Contact;
  /** Live contacts ordered by display name, then id */
  contacts: ContactConnection;
  contactsSettings: ContactsSettings;
  employees: EmployeeConnection;
  googleConnection: GoogleConnection;
  /** The modules this gateway serves (MODULES and those they switch on), e.g. tasks, contacts, printers */
  modules: Array<Scalars['String']['output']>;
  partners: PartnerConnection;
  printJob: PrintJob;
  /** Print jobs, newest first; of one printer or all */
  printJobs: PrintJobConnection;
  /** Print servers added by admins and those listed in Google Workspace, by name */
  printServers: Array<PrintServer>;
  /** One printer; live: true reads its state over IPP first (bounded; stale: true when it did not answer) */
  printer: Printer;
  /** Printers ordered by name, then id; removed ones only with includeRemoved */
  printers: PrinterConnection;
  projects: ProjectConnection;
  /** The enabled modules that sync to Google, in the order they are registered */
  syncModules: Array<SyncModuleInfo>;
  syncRun: SyncRun;
  /** Runs of the tenant, newest first */
  syncRuns: SyncRunConnection;
  syncSchedules: Array<SyncSchedule>;
  task: Task;
  /** Tasks overlapping [from, to) (at most 366 days), grouped by employee or local period */
  taskCalendar: TaskCalendar;
  /** Tasks ordered by start, then id */
  tasks: TaskConnection;
  /** The caller's tenant */
  tenant: Tenant;
  /** Who is calling */
  viewer: Viewer;
};


export type QueryContactArgs = {
  id: Scalars['ID']['input'];
};


export type QueryContactsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ContactFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryEmployeesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPartnersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPrintJobArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPrintJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  printerId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryPrinterArgs = {
  id: Scalars['ID']['input'];
  live?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryPrintersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PrinterFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryProjectsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySyncRunArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySyncRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  module?: InputMaybe<SyncModule>;
};


export type QueryTaskArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTaskCalendarArgs = {
  filter?: InputMaybe<TaskFilter>;
  groupBy: CalendarGrouping;
  includeEmpty?: Scalars['Boolean']['input'];
  maxTasksPerGroup?: InputMaybe<Scalars['Int']['input']>;
  range: DateRangeInput;
};


export type QueryTasksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TaskFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** What a caller may do: ADMIN implies USER */
export type Role =
  | 'ADMIN'
  | 'USER';

/** From the Google API Console: Credentials → OAuth client ID (web application) */
export type SetGoogleClientCredentialsInput = {
  clientId: Scalars['String']['input'];
  /** Write-only: stored encrypted, never returned */
  clientSecret: Scalars['String']['input'];
};

/** A service account's JSON key (Google Cloud console → IAM → Service accounts → Keys → Add key → JSON) */
export type SetGoogleServiceAccountInput = {
  /** The whole key file. Write-only: its private key is stored encrypted, never returned or logged */
  keyJson: Scalars['String']['input'];
};

/** The file goes as a multipart request (GraphQL multipart request spec) with the header Apollo-Require-Preflight */
export type SubmitPrintJobInput = {
  /** Default 1; within the printer’s copies range */
  copies?: InputMaybe<Scalars['Int']['input']>;
  /** Default: the uploaded file name */
  documentName?: InputMaybe<Scalars['String']['input']>;
  /** The document; its format is read from its bytes */
  file: Scalars['Upload']['input'];
  printerId: Scalars['ID']['input'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** The caller's tenant had its server caches dropped: clear client caches */
  cacheReset: CacheResetEvent;
  googleConnectionChanged: GoogleConnection;
  /** Each change of the tenant's print jobs (of one printer when printerId is given) */
  printJobUpdated: PrintJob;
  /** Progress of one run (its current state first; completes after the final event) or of every run of a module */
  syncProgress: SyncProgress;
};


export type SubscriptionPrintJobUpdatedArgs = {
  printerId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionSyncProgressArgs = {
  module?: InputMaybe<SyncModule>;
  runId?: InputMaybe<Scalars['ID']['input']>;
};

export type SyncContactsInput = {
  /** Re-read every contact of ours in Google: restore what was changed or deleted there, delete ours that match no contact */
  full?: InputMaybe<Scalars['Boolean']['input']>;
};

/** An item that could not be synced; the run went on without it */
export type SyncItemError = {
  __typename?: 'SyncItemError';
  at: Scalars['DateTime']['output'];
  attempts: Scalars['Int']['output'];
  /** Google's reason or our code, e.g. notFound, forbidden, HTTP_400 */
  code: Scalars['String']['output'];
  /** The ERP id of the item */
  entityId: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  message: Scalars['String']['output'];
};

/** A module that syncs to Google */
export type SyncModule =
  | 'CONTACTS'
  | 'PRINTERS'
  | 'TASKS';

/** An enabled module with a sync job; its recent runs and schedule come with it */
export type SyncModuleInfo = {
  __typename?: 'SyncModuleInfo';
  /** The sync job's name (e.g. tasks-to-google-calendar) */
  job: Scalars['String']['output'];
  module: SyncModule;
  /** The module's name (e.g. tasks) */
  name: Scalars['String']['output'];
  /** The module's latest runs, newest first (default 10) */
  recentRuns: Array<SyncRun>;
  /** The module's schedule, if it has one */
  schedule?: Maybe<SyncSchedule>;
};


/** An enabled module with a sync job; its recent runs and schedule come with it */
export type SyncModuleInfoRecentRunsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Progress of a sync run; the first and the final event of a run are always sent */
export type SyncProgress = {
  __typename?: 'SyncProgress';
  at: Scalars['DateTime']['output'];
  created: Scalars['Int']['output'];
  deleted: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  /** True on the last event of the run */
  final: Scalars['Boolean']['output'];
  message?: Maybe<Scalars['String']['output']>;
  module: SyncModule;
  phase?: Maybe<Scalars['String']['output']>;
  processed: Scalars['Int']['output'];
  runId: Scalars['ID']['output'];
  skipped: Scalars['Int']['output'];
  status: SyncStatus;
  total: Scalars['Int']['output'];
  updated: Scalars['Int']['output'];
};

/** One sync of a module for the tenant */
export type SyncRun = {
  __typename?: 'SyncRun';
  /** Cancellation was asked; the job stops at its next item */
  cancelRequested: Scalars['Boolean']['output'];
  created: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  deleted: Scalars['Int']['output'];
  /** Why the run failed as a whole */
  error?: Maybe<Scalars['String']['output']>;
  /** Items Google refused for good (at most 500) */
  errors: Array<SyncItemError>;
  failed: Scalars['Int']['output'];
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** A full sync re-reads every linked object in Google and restores drift */
  full: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  message?: Maybe<Scalars['String']['output']>;
  module: SyncModule;
  /** What the job is doing now */
  phase?: Maybe<Scalars['String']['output']>;
  processed: Scalars['Int']['output'];
  /** Who asked (token subject), if a person did */
  requestedBy?: Maybe<Scalars['String']['output']>;
  /** How many times a worker picked the run up again after another stopped mid-run */
  resumedCount: Scalars['Int']['output'];
  skipped: Scalars['Int']['output'];
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  status: SyncStatus;
  total: Scalars['Int']['output'];
  trigger: SyncTrigger;
  updated: Scalars['Int']['output'];
};

export type SyncRunConnection = {
  __typename?: 'SyncRunConnection';
  edges: Array<SyncRunEdge>;
  pageInfo: PageInfo;
};

export type SyncRunEdge = {
  __typename?: 'SyncRunEdge';
  cursor: Scalars['String']['output'];
  node: SyncRun;
};

/** A module's sync schedule for the tenant */
export type SyncSchedule = {
  __typename?: 'SyncSchedule';
  /** Cron expression (5 fields, or 6 with seconds), in timeZone */
  cron: Scalars['String']['output'];
  lastRunAt?: Maybe<Scalars['DateTime']['output']>;
  module: SyncModule;
  nextRunAt: Scalars['DateTime']['output'];
  timeZone: Scalars['String']['output'];
};

export type SyncStatus =
  | 'CANCELLED'
  /** Stopped by an error that concerns the whole run (see error) */
  | 'FAILED'
  /** Finished, but some items failed (see errors) */
  | 'PARTIAL'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type SyncTasksInput = {
  /** Re-read every linked event in Google and restore what was changed there */
  full?: InputMaybe<Scalars['Boolean']['input']>;
};

export type SyncTrigger =
  | 'CLI'
  | 'MANUAL'
  | 'SCHEDULE';

/** A task assigned to one employee for a period */
export type Task = {
  __typename?: 'Task';
  /** True for an all-day task (startDate/endDate) */
  allDay: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  employee: Employee;
  /** Last day of an all-day task (inclusive) */
  endDate?: Maybe<Scalars['LocalDate']['output']>;
  /** End of a timed task (exclusive) */
  endsAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  location?: Maybe<Scalars['String']['output']>;
  partner?: Maybe<Partner>;
  project?: Maybe<Project>;
  /** First day of an all-day task */
  startDate?: Maybe<Scalars['LocalDate']['output']>;
  /** Start of a timed task */
  startsAt?: Maybe<Scalars['DateTime']['output']>;
  status: TaskStatus;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

/** The seed’s "Task calendar": tasks in a range, grouped by employee or period */
export type TaskCalendar = {
  __typename?: 'TaskCalendar';
  from: Scalars['DateTime']['output'];
  groupBy: CalendarGrouping;
  groups: Array<TaskCalendarGroup>;
  /** The zone periods are computed in */
  timeZone: Scalars['String']['output'];
  to: Scalars['DateTime']['output'];
  /** Distinct tasks in the range */
  totalTasks: Scalars['Int']['output'];
};

/** One employee or one period of the task calendar */
export type TaskCalendarGroup = {
  __typename?: 'TaskCalendarGroup';
  employee?: Maybe<Employee>;
  /** When hasMore: the cursor of the last task listed. The rest of the group is `tasks(filter: { range: { from: periodStart, to: periodEnd } } (for EMPLOYEE: the calendar range and employeeIds: [key]) plus the same filter, after: endCursor)` */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when taskCount is more than the tasks listed (maxTasksPerGroup) */
  hasMore: Scalars['Boolean']['output'];
  /** Employee id, or the period: 2026-03-29, 2026-W13, 2026-03 */
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
  /** Exclusive */
  periodEnd?: Maybe<Scalars['DateTime']['output']>;
  periodStart?: Maybe<Scalars['DateTime']['output']>;
  taskCount: Scalars['Int']['output'];
  /** Ordered by start; a task appears in every period it overlaps; at most maxTasksPerGroup */
  tasks: Array<Task>;
};

export type TaskConnection = {
  __typename?: 'TaskConnection';
  edges: Array<TaskEdge>;
  pageInfo: PageInfo;
};

export type TaskEdge = {
  __typename?: 'TaskEdge';
  cursor: Scalars['String']['output'];
  node: Task;
};

/** All given criteria apply together */
export type TaskFilter = {
  employeeIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  partnerIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  projectIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Tasks that overlap [from, to) */
  range?: InputMaybe<DateRangeInput>;
  /** Words in the title or description */
  search?: InputMaybe<Scalars['String']['input']>;
  statuses?: InputMaybe<Array<TaskStatus>>;
};

export type TaskStatus =
  | 'CANCELLED'
  | 'DONE'
  | 'IN_PROGRESS'
  | 'OPEN';

/** The company (legal entity) whose data a caller works with */
export type Tenant = {
  __typename?: 'Tenant';
  createdAt: Scalars['DateTime']['output'];
  /** The tenant key carried by bearer tokens */
  id: Scalars['ID']['output'];
  /** IANA time zone of the task calendar’s days, weeks and months, and of synced events */
  timeZone: Scalars['String']['output'];
};

/** Fields left out keep their value */
export type UpdateCalendarSettingsInput = {
  aclRole?: InputMaybe<CalendarAclRole>;
  deleteRemovedCalendars?: InputMaybe<Scalars['Boolean']['input']>;
  mode?: InputMaybe<CalendarAccessMode>;
  sendNotifications?: InputMaybe<Scalars['Boolean']['input']>;
  /** An email address (a Google group); empty or null turns the tenant-wide calendar off */
  tenantCalendarGroup?: InputMaybe<Scalars['String']['input']>;
};

/** Only the fields given change (null clears one; a list given replaces the whole list) */
export type UpdateContactInput = {
  /** At most 5 */
  addresses?: InputMaybe<Array<ContactAddressInput>>;
  birthday?: InputMaybe<Scalars['LocalDate']['input']>;
  company?: InputMaybe<Scalars['String']['input']>;
  department?: InputMaybe<Scalars['String']['input']>;
  /** Derived from the names (or company, or email) when not given */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** At most 10 */
  emails?: InputMaybe<Array<ContactEmailInput>>;
  familyName?: InputMaybe<Scalars['String']['input']>;
  givenName?: InputMaybe<Scalars['String']['input']>;
  jobTitle?: InputMaybe<Scalars['String']['input']>;
  middleName?: InputMaybe<Scalars['String']['input']>;
  notes?: InputMaybe<Scalars['String']['input']>;
  /** At most 10 */
  phoneNumbers?: InputMaybe<Array<ContactPhoneNumberInput>>;
  /** An http(s) URL */
  website?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateContactsSettingsInput = {
  /** ISO 3166-1 alpha-2 country of numbers written without a country code (default RO) */
  defaultCountry?: InputMaybe<Scalars['String']['input']>;
  /** The Google Workspace domain whose shared contacts are written (DOMAIN_SHARED), e.g. example.com */
  domain?: InputMaybe<Scalars['String']['input']>;
  /** The contact group's name (USER_GROUP); default: the tenant's name */
  groupName?: InputMaybe<Scalars['String']['input']>;
  target?: InputMaybe<ContactsTarget>;
};

export type UpdateEmployeeInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  calendarId?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

export type UpdatePartnerInput = {
  fiscalCode?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateProjectInput = {
  name?: InputMaybe<Scalars['String']['input']>;
  partnerId?: InputMaybe<Scalars['ID']['input']>;
};

/** Only the fields given change; to switch between timed and all-day give both bounds of the new kind */
export type UpdateTaskInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  employeeId?: InputMaybe<Scalars['ID']['input']>;
  endDate?: InputMaybe<Scalars['LocalDate']['input']>;
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  location?: InputMaybe<Scalars['String']['input']>;
  partnerId?: InputMaybe<Scalars['ID']['input']>;
  projectId?: InputMaybe<Scalars['ID']['input']>;
  startDate?: InputMaybe<Scalars['LocalDate']['input']>;
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  status?: InputMaybe<TaskStatus>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateTenantSettingsInput = {
  /** IANA time zone, e.g. Europe/Bucharest */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

/** Who is calling, from the verified bearer token */
export type Viewer = {
  __typename?: 'Viewer';
  roles: Array<Role>;
  /** The subject (user id) of the token */
  sub: Scalars['String']['output'];
  /** The tenant every query and mutation of this caller works in */
  tenant: Scalars['String']['output'];
};

export type ResetCachesMutationVariables = Exact<{ [key: string]: never; }>;


export type ResetCachesMutation = { __typename?: 'Mutation', resetCaches: { __typename?: 'CacheResetEvent', tenant: string, reason: string, at: string, requestedBy?: string | null } };

export type CacheResetSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type CacheResetSubscription = { __typename?: 'Subscription', cacheReset: { __typename?: 'CacheResetEvent', tenant: string, reason: string, at: string } };

export type CalendarAccessFragment = { __typename?: 'CalendarSettings', mode: CalendarAccessMode, aclRole: CalendarAclRole, sendNotifications: boolean, deleteRemovedCalendars: boolean, tenantCalendarGroup?: string | null, googleScopes: Array<string> };

export type CalendarSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type CalendarSettingsQuery = { __typename?: 'Query', calendarSettings: { __typename?: 'CalendarSettings', mode: CalendarAccessMode, aclRole: CalendarAclRole, sendNotifications: boolean, deleteRemovedCalendars: boolean, tenantCalendarGroup?: string | null, googleScopes: Array<string> }, googleConnection: { __typename?: 'GoogleConnection', delegationScopes: string, serviceAccount?: { __typename?: 'GoogleServiceAccount', clientEmail: string, clientId: string, setAt: string } | null } };

export type UpdateCalendarSettingsMutationVariables = Exact<{
  input: UpdateCalendarSettingsInput;
}>;


export type UpdateCalendarSettingsMutation = { __typename?: 'Mutation', updateCalendarSettings: { __typename?: 'CalendarSettings', mode: CalendarAccessMode, aclRole: CalendarAclRole, sendNotifications: boolean, deleteRemovedCalendars: boolean, tenantCalendarGroup?: string | null, googleScopes: Array<string> } };

export type SetGoogleServiceAccountMutationVariables = Exact<{
  input: SetGoogleServiceAccountInput;
}>;


export type SetGoogleServiceAccountMutation = { __typename?: 'Mutation', setGoogleServiceAccount: { __typename?: 'GoogleConnection', delegationScopes: string, serviceAccount?: { __typename?: 'GoogleServiceAccount', clientEmail: string, clientId: string, setAt: string } | null } };

export type RemoveGoogleServiceAccountMutationVariables = Exact<{ [key: string]: never; }>;


export type RemoveGoogleServiceAccountMutation = { __typename?: 'Mutation', removeGoogleServiceAccount: { __typename?: 'GoogleConnection', serviceAccount?: { __typename?: 'GoogleServiceAccount', clientId: string } | null } };

export type VerifyGoogleDelegationMutationVariables = Exact<{
  subject: Scalars['String']['input'];
}>;


export type VerifyGoogleDelegationMutation = { __typename?: 'Mutation', verifyGoogleDelegation: { __typename?: 'GoogleDelegationCheck', subject: string, clientId: string, ok: boolean, scopes: Array<{ __typename?: 'DelegationScopeCheck', scope: string, granted: boolean, error?: string | null }> } };

export type ConsoleTaskFragment = { __typename?: 'Task', id: string, title: string, status: TaskStatus, allDay: boolean, startsAt?: string | null, endsAt?: string | null, startDate?: any | null, endDate?: any | null, description?: string | null, location?: string | null, employee: { __typename?: 'Employee', id: string, name: string }, partner?: { __typename?: 'Partner', id: string, name: string } | null, project?: { __typename?: 'Project', id: string, name: string } | null };

export type ConsoleCalendarQueryVariables = Exact<{
  range: DateRangeInput;
  filter?: InputMaybe<TaskFilter>;
  groupBy: CalendarGrouping;
}>;


export type ConsoleCalendarQuery = { __typename?: 'Query', taskCalendar: { __typename?: 'TaskCalendar', timeZone: string, totalTasks: number, groups: Array<{ __typename?: 'TaskCalendarGroup', key: string, label: string, periodStart?: string | null, periodEnd?: string | null, taskCount: number, employee?: { __typename?: 'Employee', id: string, name: string } | null, tasks: Array<{ __typename?: 'Task', id: string, title: string, status: TaskStatus, allDay: boolean, startsAt?: string | null, endsAt?: string | null, startDate?: any | null, endDate?: any | null, description?: string | null, location?: string | null, employee: { __typename?: 'Employee', id: string, name: string }, partner?: { __typename?: 'Partner', id: string, name: string } | null, project?: { __typename?: 'Project', id: string, name: string } | null }> }> }, employees: { __typename?: 'EmployeeConnection', edges: Array<{ __typename?: 'EmployeeEdge', node: { __typename?: 'Employee', id: string, name: string } }> }, partners: { __typename?: 'PartnerConnection', edges: Array<{ __typename?: 'PartnerEdge', node: { __typename?: 'Partner', id: string, name: string } }> }, projects: { __typename?: 'ProjectConnection', edges: Array<{ __typename?: 'ProjectEdge', node: { __typename?: 'Project', id: string, name: string } }> } };

export type ConsoleCreateTaskMutationVariables = Exact<{
  input: CreateTaskInput;
}>;


export type ConsoleCreateTaskMutation = { __typename?: 'Mutation', createTask: { __typename?: 'Task', id: string, title: string, status: TaskStatus, allDay: boolean, startsAt?: string | null, endsAt?: string | null, startDate?: any | null, endDate?: any | null, description?: string | null, location?: string | null, employee: { __typename?: 'Employee', id: string, name: string }, partner?: { __typename?: 'Partner', id: string, name: string } | null, project?: { __typename?: 'Project', id: string, name: string } | null } };

export type ConsoleUpdateTaskMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateTaskInput;
}>;


export type ConsoleUpdateTaskMutation = { __typename?: 'Mutation', updateTask: { __typename?: 'Task', id: string, title: string, status: TaskStatus, allDay: boolean, startsAt?: string | null, endsAt?: string | null, startDate?: any | null, endDate?: any | null, description?: string | null, location?: string | null, employee: { __typename?: 'Employee', id: string, name: string }, partner?: { __typename?: 'Partner', id: string, name: string } | null, project?: { __typename?: 'Project', id: string, name: string } | null } };

export type ConsoleDeleteTaskMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ConsoleDeleteTaskMutation = { __typename?: 'Mutation', deleteTask: boolean };

export type ConsoleContactFragment = { __typename?: 'Contact', id: string, displayName: string, givenName?: string | null, familyName?: string | null, company?: string | null, jobTitle?: string | null, notes?: string | null, emails: Array<{ __typename?: 'ContactEmail', address: string, type: ContactEmailType, primary: boolean }>, phoneNumbers: Array<{ __typename?: 'ContactPhoneNumber', number: string, type: ContactPhoneType, e164?: string | null }>, syncState: { __typename?: 'ContactSyncState', upToDate: boolean, syncedAt?: string | null, lastError?: string | null } };

export type ConsoleContactsQueryVariables = Exact<{
  search?: InputMaybe<Scalars['String']['input']>;
}>;


export type ConsoleContactsQuery = { __typename?: 'Query', contacts: { __typename?: 'ContactConnection', edges: Array<{ __typename?: 'ContactEdge', node: { __typename?: 'Contact', id: string, displayName: string, givenName?: string | null, familyName?: string | null, company?: string | null, jobTitle?: string | null, notes?: string | null, emails: Array<{ __typename?: 'ContactEmail', address: string, type: ContactEmailType, primary: boolean }>, phoneNumbers: Array<{ __typename?: 'ContactPhoneNumber', number: string, type: ContactPhoneType, e164?: string | null }>, syncState: { __typename?: 'ContactSyncState', upToDate: boolean, syncedAt?: string | null, lastError?: string | null } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean } }, contactsSettings: { __typename?: 'ContactsSettings', target: ContactsTarget, domain?: string | null, groupName: string, defaultCountry: string, googleScope: string }, syncRuns: { __typename?: 'SyncRunConnection', edges: Array<{ __typename?: 'SyncRunEdge', node: { __typename?: 'SyncRun', id: string, status: SyncStatus, phase?: string | null, total: number, processed: number, created: number, updated: number, deleted: number, skipped: number, failed: number, error?: string | null } }> } };

export type ConsoleCreateContactMutationVariables = Exact<{
  input: CreateContactInput;
}>;


export type ConsoleCreateContactMutation = { __typename?: 'Mutation', createContact: { __typename?: 'Contact', id: string, displayName: string, givenName?: string | null, familyName?: string | null, company?: string | null, jobTitle?: string | null, notes?: string | null, emails: Array<{ __typename?: 'ContactEmail', address: string, type: ContactEmailType, primary: boolean }>, phoneNumbers: Array<{ __typename?: 'ContactPhoneNumber', number: string, type: ContactPhoneType, e164?: string | null }>, syncState: { __typename?: 'ContactSyncState', upToDate: boolean, syncedAt?: string | null, lastError?: string | null } } };

export type ConsoleUpdateContactMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateContactInput;
}>;


export type ConsoleUpdateContactMutation = { __typename?: 'Mutation', updateContact: { __typename?: 'Contact', id: string, displayName: string, givenName?: string | null, familyName?: string | null, company?: string | null, jobTitle?: string | null, notes?: string | null, emails: Array<{ __typename?: 'ContactEmail', address: string, type: ContactEmailType, primary: boolean }>, phoneNumbers: Array<{ __typename?: 'ContactPhoneNumber', number: string, type: ContactPhoneType, e164?: string | null }>, syncState: { __typename?: 'ContactSyncState', upToDate: boolean, syncedAt?: string | null, lastError?: string | null } } };

export type ConsoleDeleteContactMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ConsoleDeleteContactMutation = { __typename?: 'Mutation', deleteContact: boolean };

export type ConsoleUpdateContactsSettingsMutationVariables = Exact<{
  input: UpdateContactsSettingsInput;
}>;


export type ConsoleUpdateContactsSettingsMutation = { __typename?: 'Mutation', updateContactsSettings: { __typename?: 'ContactsSettings', target: ContactsTarget, domain?: string | null, groupName: string, defaultCountry: string, googleScope: string } };

export type ConsoleDirectoryQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleDirectoryQuery = { __typename?: 'Query', employees: { __typename?: 'EmployeeConnection', edges: Array<{ __typename?: 'EmployeeEdge', node: { __typename?: 'Employee', id: string, name: string, email: string, calendarId: string, active: boolean } }> }, partners: { __typename?: 'PartnerConnection', edges: Array<{ __typename?: 'PartnerEdge', node: { __typename?: 'Partner', id: string, name: string, fiscalCode?: string | null } }> }, projects: { __typename?: 'ProjectConnection', edges: Array<{ __typename?: 'ProjectEdge', node: { __typename?: 'Project', id: string, name: string, partner?: { __typename?: 'Partner', id: string, name: string } | null } }> } };

export type ConsoleCreateEmployeeMutationVariables = Exact<{
  input: CreateEmployeeInput;
}>;


export type ConsoleCreateEmployeeMutation = { __typename?: 'Mutation', createEmployee: { __typename?: 'Employee', id: string } };

export type ConsoleCreatePartnerMutationVariables = Exact<{
  input: CreatePartnerInput;
}>;


export type ConsoleCreatePartnerMutation = { __typename?: 'Mutation', createPartner: { __typename?: 'Partner', id: string } };

export type ConsoleCreateProjectMutationVariables = Exact<{
  input: CreateProjectInput;
}>;


export type ConsoleCreateProjectMutation = { __typename?: 'Mutation', createProject: { __typename?: 'Project', id: string } };

export type ConsoleGoogleConnectionFragment = { __typename?: 'GoogleConnection', status: GoogleConnectionStatus, clientId?: string | null, grantedScopes: Array<string>, missingScopes: Array<string>, authorizedAt?: string | null, authorizedBy?: string | null, lastError?: string | null };

export type ConsoleGoogleSetupQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleGoogleSetupQuery = { __typename?: 'Query', googleConnection: { __typename?: 'GoogleConnection', status: GoogleConnectionStatus, clientId?: string | null, grantedScopes: Array<string>, missingScopes: Array<string>, authorizedAt?: string | null, authorizedBy?: string | null, lastError?: string | null } };

export type ConsoleSetGoogleCredentialsMutationVariables = Exact<{
  input: SetGoogleClientCredentialsInput;
}>;


export type ConsoleSetGoogleCredentialsMutation = { __typename?: 'Mutation', setGoogleClientCredentials: { __typename?: 'GoogleConnection', status: GoogleConnectionStatus, clientId?: string | null, grantedScopes: Array<string>, missingScopes: Array<string>, authorizedAt?: string | null, authorizedBy?: string | null, lastError?: string | null } };

export type ConsoleRequestGoogleAuthorizationMutationVariables = Exact<{ [key: string]: never; }>;


export type ConsoleRequestGoogleAuthorizationMutation = { __typename?: 'Mutation', requestGoogleAuthorization: { __typename?: 'GoogleAuthorizationRequest', url: string, state: string, expiresAt: string } };

export type ConsoleAuthorizeGoogleMutationVariables = Exact<{
  input: AuthorizeGoogleInput;
}>;


export type ConsoleAuthorizeGoogleMutation = { __typename?: 'Mutation', authorizeGoogle: { __typename?: 'GoogleConnection', status: GoogleConnectionStatus, clientId?: string | null, grantedScopes: Array<string>, missingScopes: Array<string>, authorizedAt?: string | null, authorizedBy?: string | null, lastError?: string | null } };

export type ConsoleDisconnectGoogleMutationVariables = Exact<{ [key: string]: never; }>;


export type ConsoleDisconnectGoogleMutation = { __typename?: 'Mutation', disconnectGoogle: { __typename?: 'GoogleConnection', status: GoogleConnectionStatus, clientId?: string | null, grantedScopes: Array<string>, missingScopes: Array<string>, authorizedAt?: string | null, authorizedBy?: string | null, lastError?: string | null } };

export type ConsoleResetCachesMutationVariables = Exact<{ [key: string]: never; }>;


export type ConsoleResetCachesMutation = { __typename?: 'Mutation', resetCaches: { __typename?: 'CacheResetEvent', at: string } };

export type ConsoleGoogleConnectionChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ConsoleGoogleConnectionChangedSubscription = { __typename?: 'Subscription', googleConnectionChanged: { __typename?: 'GoogleConnection', status: GoogleConnectionStatus, clientId?: string | null, grantedScopes: Array<string>, missingScopes: Array<string>, authorizedAt?: string | null, authorizedBy?: string | null, lastError?: string | null } };

export type ConsolePrinterFragment = { __typename?: 'Printer', id: string, displayName: string, description?: string | null, location?: string | null, makeAndModel?: string | null, source: PrinterSource, state: PrinterState, stateReasons: Array<string>, acceptingJobs: boolean, stateCheckedAt?: string | null, stale: boolean, removedAt?: string | null, printServer?: { __typename?: 'PrintServer', id: string, name: string } | null, capabilities: { __typename?: 'PrinterCapabilitiesType', documentFormats: Array<string>, copiesMin: number, copiesMax: number } };

export type ConsolePrintJobFragment = { __typename?: 'PrintJob', id: string, documentName: string, format: string, sizeBytes: number, copies: number, state: PrintJobState, stateMessage?: string | null, stateReasons: Array<string>, submittedAt: string, finishedAt?: string | null, printer: { __typename?: 'Printer', id: string, displayName: string } };

export type ConsolePrintJobUpdateFragment = { __typename?: 'PrintJob', id: string, documentName: string, format: string, sizeBytes: number, copies: number, state: PrintJobState, stateMessage?: string | null, stateReasons: Array<string>, submittedAt: string, finishedAt?: string | null, printer: { __typename?: 'Printer', id: string, state: PrinterState, stateReasons: Array<string>, acceptingJobs: boolean, stateCheckedAt?: string | null, displayName: string } };

export type ConsolePrintersQueryVariables = Exact<{
  search?: InputMaybe<Scalars['String']['input']>;
}>;


export type ConsolePrintersQuery = { __typename?: 'Query', printers: { __typename?: 'PrinterConnection', edges: Array<{ __typename?: 'PrinterEdge', node: { __typename?: 'Printer', id: string, displayName: string, description?: string | null, location?: string | null, makeAndModel?: string | null, source: PrinterSource, state: PrinterState, stateReasons: Array<string>, acceptingJobs: boolean, stateCheckedAt?: string | null, stale: boolean, removedAt?: string | null, printServer?: { __typename?: 'PrintServer', id: string, name: string } | null, capabilities: { __typename?: 'PrinterCapabilitiesType', documentFormats: Array<string>, copiesMin: number, copiesMax: number } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean } }, printJobs: { __typename?: 'PrintJobConnection', edges: Array<{ __typename?: 'PrintJobEdge', node: { __typename?: 'PrintJob', id: string, documentName: string, format: string, sizeBytes: number, copies: number, state: PrintJobState, stateMessage?: string | null, stateReasons: Array<string>, submittedAt: string, finishedAt?: string | null, printer: { __typename?: 'Printer', id: string, displayName: string } } }> }, syncRuns: { __typename?: 'SyncRunConnection', edges: Array<{ __typename?: 'SyncRunEdge', node: { __typename?: 'SyncRun', id: string, status: SyncStatus, phase?: string | null, total: number, processed: number, created: number, updated: number, deleted: number, skipped: number, failed: number, error?: string | null } }> }, printServers: Array<{ __typename?: 'PrintServer', id: string, name: string, uri: string, source: PrinterSource, lastContactAt?: string | null, lastError?: string | null }> };

export type ConsolePrinterLiveQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ConsolePrinterLiveQuery = { __typename?: 'Query', printer: { __typename?: 'Printer', id: string, displayName: string, description?: string | null, location?: string | null, makeAndModel?: string | null, source: PrinterSource, state: PrinterState, stateReasons: Array<string>, acceptingJobs: boolean, stateCheckedAt?: string | null, stale: boolean, removedAt?: string | null, printServer?: { __typename?: 'PrintServer', id: string, name: string } | null, capabilities: { __typename?: 'PrinterCapabilitiesType', documentFormats: Array<string>, copiesMin: number, copiesMax: number } } };

export type ConsoleSubmitPrintJobMutationVariables = Exact<{
  input: SubmitPrintJobInput;
}>;


export type ConsoleSubmitPrintJobMutation = { __typename?: 'Mutation', submitPrintJob: { __typename?: 'PrintJob', id: string, documentName: string, format: string, sizeBytes: number, copies: number, state: PrintJobState, stateMessage?: string | null, stateReasons: Array<string>, submittedAt: string, finishedAt?: string | null, printer: { __typename?: 'Printer', id: string, state: PrinterState, stateReasons: Array<string>, acceptingJobs: boolean, stateCheckedAt?: string | null, displayName: string } } };

export type ConsoleCancelPrintJobMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ConsoleCancelPrintJobMutation = { __typename?: 'Mutation', cancelPrintJob: { __typename?: 'PrintJob', id: string, documentName: string, format: string, sizeBytes: number, copies: number, state: PrintJobState, stateMessage?: string | null, stateReasons: Array<string>, submittedAt: string, finishedAt?: string | null, printer: { __typename?: 'Printer', id: string, displayName: string } } };

export type ConsoleAddPrintServerMutationVariables = Exact<{
  input: AddPrintServerInput;
}>;


export type ConsoleAddPrintServerMutation = { __typename?: 'Mutation', addPrintServer: { __typename?: 'PrintServer', id: string } };

export type ConsolePrintJobUpdatedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ConsolePrintJobUpdatedSubscription = { __typename?: 'Subscription', printJobUpdated: { __typename?: 'PrintJob', id: string, documentName: string, format: string, sizeBytes: number, copies: number, state: PrintJobState, stateMessage?: string | null, stateReasons: Array<string>, submittedAt: string, finishedAt?: string | null, printer: { __typename?: 'Printer', id: string, state: PrinterState, stateReasons: Array<string>, acceptingJobs: boolean, stateCheckedAt?: string | null, displayName: string } } };

export type ConsoleShellQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleShellQuery = { __typename?: 'Query', modules: Array<string>, viewer: { __typename?: 'Viewer', sub: string, tenant: string, roles: Array<Role> }, tenant: { __typename?: 'Tenant', id: string, timeZone: string } };

export type ConsoleCacheResetSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ConsoleCacheResetSubscription = { __typename?: 'Subscription', cacheReset: { __typename?: 'CacheResetEvent', at: string, reason: string } };

export type ConsoleSyncRunStateFragment = { __typename?: 'SyncRun', id: string, status: SyncStatus, phase?: string | null, total: number, processed: number, created: number, updated: number, deleted: number, skipped: number, failed: number, error?: string | null };

export type ConsoleSyncRunFragment = { __typename?: 'SyncRun', module: SyncModule, trigger: SyncTrigger, full: boolean, createdAt: string, startedAt?: string | null, finishedAt?: string | null, requestedBy?: string | null, id: string, status: SyncStatus, phase?: string | null, total: number, processed: number, created: number, updated: number, deleted: number, skipped: number, failed: number, error?: string | null, errors: Array<{ __typename?: 'SyncItemError', id: string, entityId: string, code: string, message: string, attempts: number }> };

export type ConsoleSyncScreenQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleSyncScreenQuery = { __typename?: 'Query', syncModules: Array<{ __typename?: 'SyncModuleInfo', module: SyncModule, name: string, recentRuns: Array<{ __typename?: 'SyncRun', module: SyncModule, trigger: SyncTrigger, full: boolean, createdAt: string, startedAt?: string | null, finishedAt?: string | null, requestedBy?: string | null, id: string, status: SyncStatus, phase?: string | null, total: number, processed: number, created: number, updated: number, deleted: number, skipped: number, failed: number, error?: string | null, errors: Array<{ __typename?: 'SyncItemError', id: string, entityId: string, code: string, message: string, attempts: number }> }>, schedule?: { __typename?: 'SyncSchedule', cron: string, timeZone: string, nextRunAt: string, lastRunAt?: string | null } | null }> };

export type ConsoleSyncTasksMutationVariables = Exact<{
  full?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type ConsoleSyncTasksMutation = { __typename?: 'Mutation', syncTasks: { __typename?: 'SyncRun', module: SyncModule, trigger: SyncTrigger, full: boolean, createdAt: string, startedAt?: string | null, finishedAt?: string | null, requestedBy?: string | null, id: string, status: SyncStatus, phase?: string | null, total: number, processed: number, created: number, updated: number, deleted: number, skipped: number, failed: number, error?: string | null, errors: Array<{ __typename?: 'SyncItemError', id: string, entityId: string, code: string, message: string, attempts: number }> } };

export type ConsoleSyncContactsMutationVariables = Exact<{
  full?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type ConsoleSyncContactsMutation = { __typename?: 'Mutation', syncContacts: { __typename?: 'SyncRun', module: SyncModule, trigger: SyncTrigger, full: boolean, createdAt: string, startedAt?: string | null, finishedAt?: string | null, requestedBy?: string | null, id: string, status: SyncStatus, phase?: string | null, total: number, processed: number, created: number, updated: number, deleted: number, skipped: number, failed: number, error?: string | null, errors: Array<{ __typename?: 'SyncItemError', id: string, entityId: string, code: string, message: string, attempts: number }> } };

export type ConsoleSyncPrintersMutationVariables = Exact<{ [key: string]: never; }>;


export type ConsoleSyncPrintersMutation = { __typename?: 'Mutation', syncPrinters: { __typename?: 'SyncRun', module: SyncModule, trigger: SyncTrigger, full: boolean, createdAt: string, startedAt?: string | null, finishedAt?: string | null, requestedBy?: string | null, id: string, status: SyncStatus, phase?: string | null, total: number, processed: number, created: number, updated: number, deleted: number, skipped: number, failed: number, error?: string | null, errors: Array<{ __typename?: 'SyncItemError', id: string, entityId: string, code: string, message: string, attempts: number }> } };

export type ConsoleCancelSyncRunMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ConsoleCancelSyncRunMutation = { __typename?: 'Mutation', cancelSyncRun: { __typename?: 'SyncRun', module: SyncModule, trigger: SyncTrigger, full: boolean, createdAt: string, startedAt?: string | null, finishedAt?: string | null, requestedBy?: string | null, id: string, status: SyncStatus, phase?: string | null, total: number, processed: number, created: number, updated: number, deleted: number, skipped: number, failed: number, error?: string | null, errors: Array<{ __typename?: 'SyncItemError', id: string, entityId: string, code: string, message: string, attempts: number }> } };

export type ConsoleSetSyncScheduleMutationVariables = Exact<{
  module: SyncModule;
  cron: Scalars['String']['input'];
  timeZone?: InputMaybe<Scalars['String']['input']>;
}>;


export type ConsoleSetSyncScheduleMutation = { __typename?: 'Mutation', setSyncSchedule: { __typename?: 'SyncSchedule', cron: string, timeZone: string, nextRunAt: string } };

export type ConsoleClearSyncScheduleMutationVariables = Exact<{
  module: SyncModule;
}>;


export type ConsoleClearSyncScheduleMutation = { __typename?: 'Mutation', clearSyncSchedule: boolean };

export type ConsoleSyncProgressSubscriptionVariables = Exact<{
  module: SyncModule;
}>;


export type ConsoleSyncProgressSubscription = { __typename?: 'Subscription', syncProgress: { __typename?: 'SyncProgress', runId: string, module: SyncModule, status: SyncStatus, phase?: string | null, total: number, processed: number, created: number, updated: number, deleted: number, skipped: number, failed: number, final: boolean, message?: string | null } };

export type PrinterRowFragment = { __typename?: 'Printer', id: string, displayName: string, location?: string | null, makeAndModel?: string | null, source: PrinterSource, state: PrinterState, stateReasons: Array<string>, acceptingJobs: boolean, stale: boolean, removedAt?: string | null, capabilities: { __typename?: 'PrinterCapabilitiesType', documentFormats: Array<string>, copiesMin: number, copiesMax: number, color?: boolean | null, duplex?: boolean | null } };

export type PrintJobRowFragment = { __typename?: 'PrintJob', id: string, documentName: string, format: string, sizeBytes: number, copies: number, state: PrintJobState, stateReasons: Array<string>, submittedAt: string, finishedAt?: string | null, printer: { __typename?: 'Printer', id: string, displayName: string } };

export type PrintersQueryVariables = Exact<{
  filter?: InputMaybe<PrinterFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type PrintersQuery = { __typename?: 'Query', printers: { __typename?: 'PrinterConnection', edges: Array<{ __typename?: 'PrinterEdge', node: { __typename?: 'Printer', id: string, displayName: string, location?: string | null, makeAndModel?: string | null, source: PrinterSource, state: PrinterState, stateReasons: Array<string>, acceptingJobs: boolean, stale: boolean, removedAt?: string | null, capabilities: { __typename?: 'PrinterCapabilitiesType', documentFormats: Array<string>, copiesMin: number, copiesMax: number, color?: boolean | null, duplex?: boolean | null } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type PrinterLiveQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PrinterLiveQuery = { __typename?: 'Query', printer: { __typename?: 'Printer', stateCheckedAt?: string | null, id: string, displayName: string, location?: string | null, makeAndModel?: string | null, source: PrinterSource, state: PrinterState, stateReasons: Array<string>, acceptingJobs: boolean, stale: boolean, removedAt?: string | null, capabilities: { __typename?: 'PrinterCapabilitiesType', documentFormats: Array<string>, copiesMin: number, copiesMax: number, color?: boolean | null, duplex?: boolean | null } } };

export type PrintJobsQueryVariables = Exact<{
  printerId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type PrintJobsQuery = { __typename?: 'Query', printJobs: { __typename?: 'PrintJobConnection', edges: Array<{ __typename?: 'PrintJobEdge', node: { __typename?: 'PrintJob', id: string, documentName: string, format: string, sizeBytes: number, copies: number, state: PrintJobState, stateReasons: Array<string>, submittedAt: string, finishedAt?: string | null, printer: { __typename?: 'Printer', id: string, displayName: string } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type SubmitPrintJobMutationVariables = Exact<{
  input: SubmitPrintJobInput;
}>;


export type SubmitPrintJobMutation = { __typename?: 'Mutation', submitPrintJob: { __typename?: 'PrintJob', id: string, documentName: string, format: string, sizeBytes: number, copies: number, state: PrintJobState, stateReasons: Array<string>, submittedAt: string, finishedAt?: string | null, printer: { __typename?: 'Printer', id: string, displayName: string } } };

export type CancelPrintJobMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CancelPrintJobMutation = { __typename?: 'Mutation', cancelPrintJob: { __typename?: 'PrintJob', id: string, documentName: string, format: string, sizeBytes: number, copies: number, state: PrintJobState, stateReasons: Array<string>, submittedAt: string, finishedAt?: string | null, printer: { __typename?: 'Printer', id: string, displayName: string } } };

export type PrintJobUpdatedSubscriptionVariables = Exact<{
  printerId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type PrintJobUpdatedSubscription = { __typename?: 'Subscription', printJobUpdated: { __typename?: 'PrintJob', id: string, documentName: string, format: string, sizeBytes: number, copies: number, state: PrintJobState, stateReasons: Array<string>, submittedAt: string, finishedAt?: string | null, printer: { __typename?: 'Printer', id: string, displayName: string } } };

export type CalendarTaskFragment = { __typename?: 'Task', id: string, title: string, status: TaskStatus, allDay: boolean, startsAt?: string | null, endsAt?: string | null, startDate?: any | null, endDate?: any | null, location?: string | null, partner?: { __typename?: 'Partner', id: string, name: string } | null, project?: { __typename?: 'Project', id: string, name: string } | null };

export type TaskCalendarByEmployeeQueryVariables = Exact<{
  range: DateRangeInput;
  filter?: InputMaybe<TaskFilter>;
}>;


export type TaskCalendarByEmployeeQuery = { __typename?: 'Query', taskCalendar: { __typename?: 'TaskCalendar', timeZone: string, totalTasks: number, groups: Array<{ __typename?: 'TaskCalendarGroup', key: string, label: string, taskCount: number, employee?: { __typename?: 'Employee', id: string, name: string } | null, tasks: Array<{ __typename?: 'Task', id: string, title: string, status: TaskStatus, allDay: boolean, startsAt?: string | null, endsAt?: string | null, startDate?: any | null, endDate?: any | null, location?: string | null, partner?: { __typename?: 'Partner', id: string, name: string } | null, project?: { __typename?: 'Project', id: string, name: string } | null }> }> } };

export type TaskCalendarByWeekQueryVariables = Exact<{
  range: DateRangeInput;
  filter?: InputMaybe<TaskFilter>;
}>;


export type TaskCalendarByWeekQuery = { __typename?: 'Query', taskCalendar: { __typename?: 'TaskCalendar', timeZone: string, groups: Array<{ __typename?: 'TaskCalendarGroup', key: string, periodStart?: string | null, periodEnd?: string | null, taskCount: number, tasks: Array<{ __typename?: 'Task', id: string, title: string, status: TaskStatus, allDay: boolean, startsAt?: string | null, endsAt?: string | null, startDate?: any | null, endDate?: any | null, location?: string | null, employee: { __typename?: 'Employee', id: string, name: string }, partner?: { __typename?: 'Partner', id: string, name: string } | null, project?: { __typename?: 'Project', id: string, name: string } | null }> }> } };

export type TaskListPageQueryVariables = Exact<{
  filter?: InputMaybe<TaskFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type TaskListPageQuery = { __typename?: 'Query', tasks: { __typename?: 'TaskConnection', edges: Array<{ __typename?: 'TaskEdge', cursor: string, node: { __typename?: 'Task', id: string, title: string, status: TaskStatus, allDay: boolean, startsAt?: string | null, endsAt?: string | null, startDate?: any | null, endDate?: any | null, location?: string | null, employee: { __typename?: 'Employee', id: string, name: string }, partner?: { __typename?: 'Partner', id: string, name: string } | null, project?: { __typename?: 'Project', id: string, name: string } | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type CreateTaskMutationVariables = Exact<{
  input: CreateTaskInput;
}>;


export type CreateTaskMutation = { __typename?: 'Mutation', createTask: { __typename?: 'Task', id: string, title: string, status: TaskStatus, allDay: boolean, startsAt?: string | null, endsAt?: string | null, startDate?: any | null, endDate?: any | null, location?: string | null, partner?: { __typename?: 'Partner', id: string, name: string } | null, project?: { __typename?: 'Project', id: string, name: string } | null } };

export type SyncTasksMutationVariables = Exact<{
  full?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type SyncTasksMutation = { __typename?: 'Mutation', syncTasks: { __typename?: 'SyncRun', id: string, status: SyncStatus } };

export type SyncProgressSubscriptionVariables = Exact<{
  runId: Scalars['ID']['input'];
}>;


export type SyncProgressSubscription = { __typename?: 'Subscription', syncProgress: { __typename?: 'SyncProgress', runId: string, status: SyncStatus, phase?: string | null, total: number, processed: number, created: number, updated: number, deleted: number, skipped: number, failed: number, final: boolean, at: string } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', sub: string, tenant: string, roles: Array<Role> }, tenant: { __typename?: 'Tenant', id: string, createdAt: string } };

export const CalendarAccessFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CalendarAccess"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CalendarSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"aclRole"}},{"kind":"Field","name":{"kind":"Name","value":"sendNotifications"}},{"kind":"Field","name":{"kind":"Name","value":"deleteRemovedCalendars"}},{"kind":"Field","name":{"kind":"Name","value":"tenantCalendarGroup"}},{"kind":"Field","name":{"kind":"Name","value":"googleScopes"}}]}}]} as unknown as DocumentNode<CalendarAccessFragment, unknown>;
export const ConsoleTaskFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allDay"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"employee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ConsoleTaskFragment, unknown>;
export const ConsoleContactFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleContact"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Contact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"jobTitle"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"emails"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"primary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumbers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"e164"}}]}},{"kind":"Field","name":{"kind":"Name","value":"syncState"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upToDate"}},{"kind":"Field","name":{"kind":"Name","value":"syncedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}}]}}]}}]} as unknown as DocumentNode<ConsoleContactFragment, unknown>;
export const ConsoleGoogleConnectionFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleGoogleConnection"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GoogleConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"grantedScopes"}},{"kind":"Field","name":{"kind":"Name","value":"missingScopes"}},{"kind":"Field","name":{"kind":"Name","value":"authorizedAt"}},{"kind":"Field","name":{"kind":"Name","value":"authorizedBy"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}}]}}]} as unknown as DocumentNode<ConsoleGoogleConnectionFragment, unknown>;
export const ConsolePrinterFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsolePrinter"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Printer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"makeAndModel"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateReasons"}},{"kind":"Field","name":{"kind":"Name","value":"acceptingJobs"}},{"kind":"Field","name":{"kind":"Name","value":"stateCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}},{"kind":"Field","name":{"kind":"Name","value":"removedAt"}},{"kind":"Field","name":{"kind":"Name","value":"printServer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentFormats"}},{"kind":"Field","name":{"kind":"Name","value":"copiesMin"}},{"kind":"Field","name":{"kind":"Name","value":"copiesMax"}}]}}]}}]} as unknown as DocumentNode<ConsolePrinterFragment, unknown>;
export const ConsolePrintJobFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsolePrintJob"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentName"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"copies"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateMessage"}},{"kind":"Field","name":{"kind":"Name","value":"stateReasons"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"printer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<ConsolePrintJobFragment, unknown>;
export const ConsolePrintJobUpdateFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsolePrintJobUpdate"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsolePrintJob"}},{"kind":"Field","name":{"kind":"Name","value":"printer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateReasons"}},{"kind":"Field","name":{"kind":"Name","value":"acceptingJobs"}},{"kind":"Field","name":{"kind":"Name","value":"stateCheckedAt"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsolePrintJob"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentName"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"copies"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateMessage"}},{"kind":"Field","name":{"kind":"Name","value":"stateReasons"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"printer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<ConsolePrintJobUpdateFragment, unknown>;
export const ConsoleSyncRunStateFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleSyncRunState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<ConsoleSyncRunStateFragment, unknown>;
export const ConsoleSyncRunFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleSyncRun"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleSyncRunState"}},{"kind":"Field","name":{"kind":"Name","value":"module"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"full"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleSyncRunState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<ConsoleSyncRunFragment, unknown>;
export const PrinterRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PrinterRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Printer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"makeAndModel"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateReasons"}},{"kind":"Field","name":{"kind":"Name","value":"acceptingJobs"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}},{"kind":"Field","name":{"kind":"Name","value":"removedAt"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentFormats"}},{"kind":"Field","name":{"kind":"Name","value":"copiesMin"}},{"kind":"Field","name":{"kind":"Name","value":"copiesMax"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"duplex"}}]}}]}}]} as unknown as DocumentNode<PrinterRowFragment, unknown>;
export const PrintJobRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PrintJobRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentName"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"copies"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateReasons"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"printer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<PrintJobRowFragment, unknown>;
export const CalendarTaskFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CalendarTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allDay"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CalendarTaskFragment, unknown>;
export const ResetCachesDocument = {"__meta__":{"hash":"f87df8c5e0ff3027287e428db71c8989b1cd784b2617d2385601cf65025b72af"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetCaches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetCaches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}}]}}]}}]} as unknown as DocumentNode<ResetCachesMutation, ResetCachesMutationVariables>;
export const CacheResetDocument = {"__meta__":{"hash":"c6d9477e04fcf20197c09f5c3e362e128c5ff1100bda361b6bf6e5acaeb05a6c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CacheReset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cacheReset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<CacheResetSubscription, CacheResetSubscriptionVariables>;
export const CalendarSettingsDocument = {"__meta__":{"hash":"eb00410d316ff132b48064235a0145bea0ace23894bfa02184f8ba48170af96a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CalendarSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"calendarSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CalendarAccess"}}]}},{"kind":"Field","name":{"kind":"Name","value":"googleConnection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientEmail"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"setAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"delegationScopes"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CalendarAccess"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CalendarSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"aclRole"}},{"kind":"Field","name":{"kind":"Name","value":"sendNotifications"}},{"kind":"Field","name":{"kind":"Name","value":"deleteRemovedCalendars"}},{"kind":"Field","name":{"kind":"Name","value":"tenantCalendarGroup"}},{"kind":"Field","name":{"kind":"Name","value":"googleScopes"}}]}}]} as unknown as DocumentNode<CalendarSettingsQuery, CalendarSettingsQueryVariables>;
export const UpdateCalendarSettingsDocument = {"__meta__":{"hash":"c892630a352ebd86258c18f182b760be7db633a2e543b462a83ab254dde1d1e8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateCalendarSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateCalendarSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCalendarSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CalendarAccess"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CalendarAccess"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CalendarSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"aclRole"}},{"kind":"Field","name":{"kind":"Name","value":"sendNotifications"}},{"kind":"Field","name":{"kind":"Name","value":"deleteRemovedCalendars"}},{"kind":"Field","name":{"kind":"Name","value":"tenantCalendarGroup"}},{"kind":"Field","name":{"kind":"Name","value":"googleScopes"}}]}}]} as unknown as DocumentNode<UpdateCalendarSettingsMutation, UpdateCalendarSettingsMutationVariables>;
export const SetGoogleServiceAccountDocument = {"__meta__":{"hash":"c944323c229f6dc015b22b65a66317f3471f3eda4f1826ff3dfdb01d0d72fabb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetGoogleServiceAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetGoogleServiceAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setGoogleServiceAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientEmail"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"setAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"delegationScopes"}}]}}]}}]} as unknown as DocumentNode<SetGoogleServiceAccountMutation, SetGoogleServiceAccountMutationVariables>;
export const RemoveGoogleServiceAccountDocument = {"__meta__":{"hash":"ac47e82cf8df9be6d6d02989c143a627e2500b1c580c48c0bd67bfe81ab66e7a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveGoogleServiceAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeGoogleServiceAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}}]}}]}}]}}]} as unknown as DocumentNode<RemoveGoogleServiceAccountMutation, RemoveGoogleServiceAccountMutationVariables>;
export const VerifyGoogleDelegationDocument = {"__meta__":{"hash":"aa849a895aff93c460c4e5362f3ec9ab3d3cbedf8d6ac9ae9597c5856163e462"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VerifyGoogleDelegation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subject"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyGoogleDelegation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"subject"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subject"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"granted"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}}]} as unknown as DocumentNode<VerifyGoogleDelegationMutation, VerifyGoogleDelegationMutationVariables>;
export const ConsoleCalendarDocument = {"__meta__":{"hash":"40f7d8e5e8cf61647a64e0f93a75b915a35aa03c6195958242204fee54eaa1eb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleCalendar"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TaskFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CalendarGrouping"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskCalendar"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeEmpty"},"value":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"totalTasks"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"taskCount"}},{"kind":"Field","name":{"kind":"Name","value":"employee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleTask"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"employees"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"partners"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"projects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allDay"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"employee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ConsoleCalendarQuery, ConsoleCalendarQueryVariables>;
export const ConsoleCreateTaskDocument = {"__meta__":{"hash":"0aa49102de701381ecc1d8ac34360f969f2dc1a15493eb63f667fa6d8241de61"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCreateTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTaskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleTask"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allDay"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"employee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ConsoleCreateTaskMutation, ConsoleCreateTaskMutationVariables>;
export const ConsoleUpdateTaskDocument = {"__meta__":{"hash":"0b1862dd08d36256fadc57ec1c7629772e2d55dfe3c9b1b83151b60a04fe6eea"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleUpdateTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTaskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleTask"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allDay"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"employee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ConsoleUpdateTaskMutation, ConsoleUpdateTaskMutationVariables>;
export const ConsoleDeleteTaskDocument = {"__meta__":{"hash":"dec540da3fd51a29feafc5b0d7d48900f3773d321bfad7544bcd7b5c455d00f2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleDeleteTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<ConsoleDeleteTaskMutation, ConsoleDeleteTaskMutationVariables>;
export const ConsoleContactsDocument = {"__meta__":{"hash":"a5ba51e466cd6d41cc3e540d98e4758c820c3f77d71242d8603327019ad0774e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleContacts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contacts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleContact"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"contactsSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"defaultCountry"}},{"kind":"Field","name":{"kind":"Name","value":"googleScope"}}]}},{"kind":"Field","name":{"kind":"Name","value":"syncRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"module"},"value":{"kind":"EnumValue","value":"CONTACTS"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleSyncRunState"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleContact"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Contact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"jobTitle"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"emails"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"primary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumbers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"e164"}}]}},{"kind":"Field","name":{"kind":"Name","value":"syncState"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upToDate"}},{"kind":"Field","name":{"kind":"Name","value":"syncedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleSyncRunState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<ConsoleContactsQuery, ConsoleContactsQueryVariables>;
export const ConsoleCreateContactDocument = {"__meta__":{"hash":"99101d790c824135d341dfe6bf47ad51176089773c01c48fecf69b696d025359"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCreateContact"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateContactInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createContact"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleContact"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleContact"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Contact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"jobTitle"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"emails"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"primary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumbers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"e164"}}]}},{"kind":"Field","name":{"kind":"Name","value":"syncState"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upToDate"}},{"kind":"Field","name":{"kind":"Name","value":"syncedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}}]}}]}}]} as unknown as DocumentNode<ConsoleCreateContactMutation, ConsoleCreateContactMutationVariables>;
export const ConsoleUpdateContactDocument = {"__meta__":{"hash":"37a783f9cc15b55f3b6272099e947a03e22764e79991bdc7fc76c847b9f1aa9e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleUpdateContact"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateContactInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateContact"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleContact"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleContact"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Contact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"jobTitle"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"emails"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"primary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumbers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"e164"}}]}},{"kind":"Field","name":{"kind":"Name","value":"syncState"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upToDate"}},{"kind":"Field","name":{"kind":"Name","value":"syncedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}}]}}]}}]} as unknown as DocumentNode<ConsoleUpdateContactMutation, ConsoleUpdateContactMutationVariables>;
export const ConsoleDeleteContactDocument = {"__meta__":{"hash":"57db12096a9a4de55ff4d7b42a218e30c573b6e1d6a1cc5ecfd6e15f187b673c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleDeleteContact"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteContact"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<ConsoleDeleteContactMutation, ConsoleDeleteContactMutationVariables>;
export const ConsoleUpdateContactsSettingsDocument = {"__meta__":{"hash":"255476d3981fe19a25c3ca724146066929929911dc474b6c6435bdce78b56d62"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleUpdateContactsSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateContactsSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateContactsSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"defaultCountry"}},{"kind":"Field","name":{"kind":"Name","value":"googleScope"}}]}}]}}]} as unknown as DocumentNode<ConsoleUpdateContactsSettingsMutation, ConsoleUpdateContactsSettingsMutationVariables>;
export const ConsoleDirectoryDocument = {"__meta__":{"hash":"ca2c9b4d5027f1d8d3fb6ce80612821f73dc60d5e18f0a4849efc3ef16693648"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleDirectory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"employees"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"calendarId"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"partners"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fiscalCode"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"projects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleDirectoryQuery, ConsoleDirectoryQueryVariables>;
export const ConsoleCreateEmployeeDocument = {"__meta__":{"hash":"1e0a4ca1d81ec1eb1edfa6c5390e4683cc24bdb259c2d0aceef41c79d78e9b94"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCreateEmployee"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateEmployeeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createEmployee"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ConsoleCreateEmployeeMutation, ConsoleCreateEmployeeMutationVariables>;
export const ConsoleCreatePartnerDocument = {"__meta__":{"hash":"c02fcb062a692d3092729923567cacd788a3e1319b374fa2114b0a6125a0a051"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCreatePartner"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePartnerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPartner"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ConsoleCreatePartnerMutation, ConsoleCreatePartnerMutationVariables>;
export const ConsoleCreateProjectDocument = {"__meta__":{"hash":"165b3b51a4c914b5cd614ab7bea43885d0962620b2100ff1be948cd2f2d4c31a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCreateProject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProjectInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ConsoleCreateProjectMutation, ConsoleCreateProjectMutationVariables>;
export const ConsoleGoogleSetupDocument = {"__meta__":{"hash":"a1b358852ccd559604cdace37f087e83c34bcd16185f44abf49f4d76d1a20b22"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleGoogleSetup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"googleConnection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleGoogleConnection"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleGoogleConnection"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GoogleConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"grantedScopes"}},{"kind":"Field","name":{"kind":"Name","value":"missingScopes"}},{"kind":"Field","name":{"kind":"Name","value":"authorizedAt"}},{"kind":"Field","name":{"kind":"Name","value":"authorizedBy"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}}]}}]} as unknown as DocumentNode<ConsoleGoogleSetupQuery, ConsoleGoogleSetupQueryVariables>;
export const ConsoleSetGoogleCredentialsDocument = {"__meta__":{"hash":"5dc5fa76768187314fdea75961860324905a32da83f1a31d53846895ce51163e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSetGoogleCredentials"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetGoogleClientCredentialsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setGoogleClientCredentials"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleGoogleConnection"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleGoogleConnection"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GoogleConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"grantedScopes"}},{"kind":"Field","name":{"kind":"Name","value":"missingScopes"}},{"kind":"Field","name":{"kind":"Name","value":"authorizedAt"}},{"kind":"Field","name":{"kind":"Name","value":"authorizedBy"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}}]}}]} as unknown as DocumentNode<ConsoleSetGoogleCredentialsMutation, ConsoleSetGoogleCredentialsMutationVariables>;
export const ConsoleRequestGoogleAuthorizationDocument = {"__meta__":{"hash":"3215470789dd2ef6e79ee5c41cb24b2778f68a1f08f20b92d1edb1b9a1730c12"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRequestGoogleAuthorization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestGoogleAuthorization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleRequestGoogleAuthorizationMutation, ConsoleRequestGoogleAuthorizationMutationVariables>;
export const ConsoleAuthorizeGoogleDocument = {"__meta__":{"hash":"0fa2894023e99873c897dc8bbdfb2f30f7862dd271d8d39ffc1431bfcc2ff196"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleAuthorizeGoogle"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AuthorizeGoogleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authorizeGoogle"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleGoogleConnection"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleGoogleConnection"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GoogleConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"grantedScopes"}},{"kind":"Field","name":{"kind":"Name","value":"missingScopes"}},{"kind":"Field","name":{"kind":"Name","value":"authorizedAt"}},{"kind":"Field","name":{"kind":"Name","value":"authorizedBy"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}}]}}]} as unknown as DocumentNode<ConsoleAuthorizeGoogleMutation, ConsoleAuthorizeGoogleMutationVariables>;
export const ConsoleDisconnectGoogleDocument = {"__meta__":{"hash":"0eebf63b67f3d63464171b20355e0776e4201108133098f04c04d5988faed614"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleDisconnectGoogle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disconnectGoogle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleGoogleConnection"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleGoogleConnection"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GoogleConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"grantedScopes"}},{"kind":"Field","name":{"kind":"Name","value":"missingScopes"}},{"kind":"Field","name":{"kind":"Name","value":"authorizedAt"}},{"kind":"Field","name":{"kind":"Name","value":"authorizedBy"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}}]}}]} as unknown as DocumentNode<ConsoleDisconnectGoogleMutation, ConsoleDisconnectGoogleMutationVariables>;
export const ConsoleResetCachesDocument = {"__meta__":{"hash":"77b8535cdb44904245acbc0554fdb12518bb7dc6939ed01d9f3159e506eea899"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleResetCaches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetCaches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<ConsoleResetCachesMutation, ConsoleResetCachesMutationVariables>;
export const ConsoleGoogleConnectionChangedDocument = {"__meta__":{"hash":"520b343b68e7104c9113c0daa8bae467cd21cc64f9d37753da05627fbdf2db34"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ConsoleGoogleConnectionChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"googleConnectionChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleGoogleConnection"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleGoogleConnection"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GoogleConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"grantedScopes"}},{"kind":"Field","name":{"kind":"Name","value":"missingScopes"}},{"kind":"Field","name":{"kind":"Name","value":"authorizedAt"}},{"kind":"Field","name":{"kind":"Name","value":"authorizedBy"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}}]}}]} as unknown as DocumentNode<ConsoleGoogleConnectionChangedSubscription, ConsoleGoogleConnectionChangedSubscriptionVariables>;
export const ConsolePrintersDocument = {"__meta__":{"hash":"5d3d7df3a365511bfb03466d1136f121dcb11e6da597ce88f31b06f51da98b47"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsolePrinters"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"printers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsolePrinter"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"printJobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsolePrintJob"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"syncRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"module"},"value":{"kind":"EnumValue","value":"PRINTERS"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleSyncRunState"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"printServers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"uri"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"lastContactAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsolePrinter"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Printer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"makeAndModel"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateReasons"}},{"kind":"Field","name":{"kind":"Name","value":"acceptingJobs"}},{"kind":"Field","name":{"kind":"Name","value":"stateCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}},{"kind":"Field","name":{"kind":"Name","value":"removedAt"}},{"kind":"Field","name":{"kind":"Name","value":"printServer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentFormats"}},{"kind":"Field","name":{"kind":"Name","value":"copiesMin"}},{"kind":"Field","name":{"kind":"Name","value":"copiesMax"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsolePrintJob"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentName"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"copies"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateMessage"}},{"kind":"Field","name":{"kind":"Name","value":"stateReasons"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"printer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleSyncRunState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<ConsolePrintersQuery, ConsolePrintersQueryVariables>;
export const ConsolePrinterLiveDocument = {"__meta__":{"hash":"d309977767941414e8126b2b2b31eaff7a82346f562d002aea70c174d7e27a4f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsolePrinterLive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"printer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"live"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsolePrinter"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsolePrinter"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Printer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"makeAndModel"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateReasons"}},{"kind":"Field","name":{"kind":"Name","value":"acceptingJobs"}},{"kind":"Field","name":{"kind":"Name","value":"stateCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}},{"kind":"Field","name":{"kind":"Name","value":"removedAt"}},{"kind":"Field","name":{"kind":"Name","value":"printServer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentFormats"}},{"kind":"Field","name":{"kind":"Name","value":"copiesMin"}},{"kind":"Field","name":{"kind":"Name","value":"copiesMax"}}]}}]}}]} as unknown as DocumentNode<ConsolePrinterLiveQuery, ConsolePrinterLiveQueryVariables>;
export const ConsoleSubmitPrintJobDocument = {"__meta__":{"hash":"a0d2a3dc12ae6547782c055669c725465edc664e1cda159e613cb364a3771273"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSubmitPrintJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitPrintJobInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitPrintJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsolePrintJobUpdate"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsolePrintJob"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentName"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"copies"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateMessage"}},{"kind":"Field","name":{"kind":"Name","value":"stateReasons"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"printer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsolePrintJobUpdate"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsolePrintJob"}},{"kind":"Field","name":{"kind":"Name","value":"printer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateReasons"}},{"kind":"Field","name":{"kind":"Name","value":"acceptingJobs"}},{"kind":"Field","name":{"kind":"Name","value":"stateCheckedAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleSubmitPrintJobMutation, ConsoleSubmitPrintJobMutationVariables>;
export const ConsoleCancelPrintJobDocument = {"__meta__":{"hash":"d2badc73ed30fae00f028777289cc6add50858ec387d472e09cc41f3d8186abf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCancelPrintJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelPrintJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsolePrintJob"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsolePrintJob"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentName"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"copies"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateMessage"}},{"kind":"Field","name":{"kind":"Name","value":"stateReasons"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"printer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<ConsoleCancelPrintJobMutation, ConsoleCancelPrintJobMutationVariables>;
export const ConsoleAddPrintServerDocument = {"__meta__":{"hash":"474c4af76b0504bf42682f1f1ef2a846751cff437de220f68be8fc9870b14f5d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleAddPrintServer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddPrintServerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addPrintServer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ConsoleAddPrintServerMutation, ConsoleAddPrintServerMutationVariables>;
export const ConsolePrintJobUpdatedDocument = {"__meta__":{"hash":"3fbc9966699ba64fbb610902283a47df36891d663a7700a0203875ed455d72c8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ConsolePrintJobUpdated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"printJobUpdated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsolePrintJobUpdate"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsolePrintJob"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentName"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"copies"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateMessage"}},{"kind":"Field","name":{"kind":"Name","value":"stateReasons"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"printer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsolePrintJobUpdate"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsolePrintJob"}},{"kind":"Field","name":{"kind":"Name","value":"printer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateReasons"}},{"kind":"Field","name":{"kind":"Name","value":"acceptingJobs"}},{"kind":"Field","name":{"kind":"Name","value":"stateCheckedAt"}}]}}]}}]} as unknown as DocumentNode<ConsolePrintJobUpdatedSubscription, ConsolePrintJobUpdatedSubscriptionVariables>;
export const ConsoleShellDocument = {"__meta__":{"hash":"78a3ce4e2436813d1ff9b1b05de70011890119753835da6efd552816061be459"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleShell"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sub"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"modules"}}]}}]} as unknown as DocumentNode<ConsoleShellQuery, ConsoleShellQueryVariables>;
export const ConsoleCacheResetDocument = {"__meta__":{"hash":"c107810462b78a4b1e87439e8604837ec45207b5d4c633dd870bcbf2b7cc4675"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ConsoleCacheReset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cacheReset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<ConsoleCacheResetSubscription, ConsoleCacheResetSubscriptionVariables>;
export const ConsoleSyncScreenDocument = {"__meta__":{"hash":"7639a92d8e4fd84e2a76b68951f439b3cfdd2a4f0bf71863909412a3f33717c5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleSyncScreen"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncModules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"module"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"recentRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleSyncRun"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cron"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"nextRunAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastRunAt"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleSyncRunState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleSyncRun"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleSyncRunState"}},{"kind":"Field","name":{"kind":"Name","value":"module"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"full"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}}]}}]}}]} as unknown as DocumentNode<ConsoleSyncScreenQuery, ConsoleSyncScreenQueryVariables>;
export const ConsoleSyncTasksDocument = {"__meta__":{"hash":"f90b1ed70a6fe4756772d6ba946b803713f12bfb736ccca6b01231866eee8c6e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSyncTasks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"full"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncTasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"full"},"value":{"kind":"Variable","name":{"kind":"Name","value":"full"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleSyncRun"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleSyncRunState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleSyncRun"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleSyncRunState"}},{"kind":"Field","name":{"kind":"Name","value":"module"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"full"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}}]}}]}}]} as unknown as DocumentNode<ConsoleSyncTasksMutation, ConsoleSyncTasksMutationVariables>;
export const ConsoleSyncContactsDocument = {"__meta__":{"hash":"17c05e82511007dbe56268f3326b5b8b7fd5d3577da812945229545f712a6fda"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSyncContacts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"full"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncContacts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"full"},"value":{"kind":"Variable","name":{"kind":"Name","value":"full"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleSyncRun"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleSyncRunState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleSyncRun"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleSyncRunState"}},{"kind":"Field","name":{"kind":"Name","value":"module"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"full"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}}]}}]}}]} as unknown as DocumentNode<ConsoleSyncContactsMutation, ConsoleSyncContactsMutationVariables>;
export const ConsoleSyncPrintersDocument = {"__meta__":{"hash":"ff9ae211908ba6f7b65a0e4703306fdbb049e4dc500405e86e62d5b3752fc099"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSyncPrinters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncPrinters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleSyncRun"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleSyncRunState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleSyncRun"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleSyncRunState"}},{"kind":"Field","name":{"kind":"Name","value":"module"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"full"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}}]}}]}}]} as unknown as DocumentNode<ConsoleSyncPrintersMutation, ConsoleSyncPrintersMutationVariables>;
export const ConsoleCancelSyncRunDocument = {"__meta__":{"hash":"27988ac2ecd8514413ac87cf8a95e514bad6653bd1f6198619c24546f38a2bca"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCancelSyncRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelSyncRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleSyncRun"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleSyncRunState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleSyncRun"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleSyncRunState"}},{"kind":"Field","name":{"kind":"Name","value":"module"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"full"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}}]}}]}}]} as unknown as DocumentNode<ConsoleCancelSyncRunMutation, ConsoleCancelSyncRunMutationVariables>;
export const ConsoleSetSyncScheduleDocument = {"__meta__":{"hash":"38d3d4f7bd2d05e4f7f5fbffb8f4c0ff132e30b6e674a1a0e1c18a2966840f0b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSetSyncSchedule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"module"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SyncModule"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cron"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timeZone"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setSyncSchedule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"module"},"value":{"kind":"Variable","name":{"kind":"Name","value":"module"}}},{"kind":"Argument","name":{"kind":"Name","value":"cron"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cron"}}},{"kind":"Argument","name":{"kind":"Name","value":"timeZone"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timeZone"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cron"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"nextRunAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleSetSyncScheduleMutation, ConsoleSetSyncScheduleMutationVariables>;
export const ConsoleClearSyncScheduleDocument = {"__meta__":{"hash":"b1235ee9d29d2f3108ec9c525ac6c7a43fb96cbe81bd1adaeb6c895c3826d7d3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleClearSyncSchedule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"module"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SyncModule"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clearSyncSchedule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"module"},"value":{"kind":"Variable","name":{"kind":"Name","value":"module"}}}]}]}}]} as unknown as DocumentNode<ConsoleClearSyncScheduleMutation, ConsoleClearSyncScheduleMutationVariables>;
export const ConsoleSyncProgressDocument = {"__meta__":{"hash":"6b70c3bfa68d8b7e812f63fad185a733a58530f14d354e0e98026af2f74e6e90"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ConsoleSyncProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"module"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SyncModule"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"module"},"value":{"kind":"Variable","name":{"kind":"Name","value":"module"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runId"}},{"kind":"Field","name":{"kind":"Name","value":"module"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"final"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<ConsoleSyncProgressSubscription, ConsoleSyncProgressSubscriptionVariables>;
export const PrintersDocument = {"__meta__":{"hash":"093af52fb0e1a1e5dfd5aa93f932e7c242099a9677b1bc43b9fdca3da808e149"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Printers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PrinterFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"printers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PrinterRow"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PrinterRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Printer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"makeAndModel"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateReasons"}},{"kind":"Field","name":{"kind":"Name","value":"acceptingJobs"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}},{"kind":"Field","name":{"kind":"Name","value":"removedAt"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentFormats"}},{"kind":"Field","name":{"kind":"Name","value":"copiesMin"}},{"kind":"Field","name":{"kind":"Name","value":"copiesMax"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"duplex"}}]}}]}}]} as unknown as DocumentNode<PrintersQuery, PrintersQueryVariables>;
export const PrinterLiveDocument = {"__meta__":{"hash":"6dce3d7698bca935bd379b88c7dc240cf9efde07442480907e21d267d97abff9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PrinterLive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"printer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"live"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PrinterRow"}},{"kind":"Field","name":{"kind":"Name","value":"stateCheckedAt"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PrinterRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Printer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"makeAndModel"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateReasons"}},{"kind":"Field","name":{"kind":"Name","value":"acceptingJobs"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}},{"kind":"Field","name":{"kind":"Name","value":"removedAt"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentFormats"}},{"kind":"Field","name":{"kind":"Name","value":"copiesMin"}},{"kind":"Field","name":{"kind":"Name","value":"copiesMax"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"duplex"}}]}}]}}]} as unknown as DocumentNode<PrinterLiveQuery, PrinterLiveQueryVariables>;
export const PrintJobsDocument = {"__meta__":{"hash":"eda204e16c55cffbe6cd34d61a57289537760aa27c14f32223b0e8ffda2ae171"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PrintJobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"printerId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"printJobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"printerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"printerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PrintJobRow"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PrintJobRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentName"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"copies"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateReasons"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"printer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<PrintJobsQuery, PrintJobsQueryVariables>;
export const SubmitPrintJobDocument = {"__meta__":{"hash":"4db5f0d65c4f180789669457885088e6f94e2d736d7f85fc295fa7dd7b84133e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitPrintJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitPrintJobInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitPrintJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PrintJobRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PrintJobRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentName"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"copies"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateReasons"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"printer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<SubmitPrintJobMutation, SubmitPrintJobMutationVariables>;
export const CancelPrintJobDocument = {"__meta__":{"hash":"c566c7629f0c9d0774f95894a7754ec972cc72225648029298805567adb66c4b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelPrintJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelPrintJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PrintJobRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PrintJobRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentName"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"copies"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateReasons"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"printer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<CancelPrintJobMutation, CancelPrintJobMutationVariables>;
export const PrintJobUpdatedDocument = {"__meta__":{"hash":"ca14a4673b3ef348f9ff56c4ada41b508b56ef43eec292c3a6d49df6a806e211"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"PrintJobUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"printerId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"printJobUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"printerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"printerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PrintJobRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PrintJobRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentName"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"copies"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateReasons"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"printer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<PrintJobUpdatedSubscription, PrintJobUpdatedSubscriptionVariables>;
export const TaskCalendarByEmployeeDocument = {"__meta__":{"hash":"fd29585268c44473c59d642f0189329f52d4c94fbcf3b54978767653e0cc3ba4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaskCalendarByEmployee"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TaskFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskCalendar"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"EnumValue","value":"EMPLOYEE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"totalTasks"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"taskCount"}},{"kind":"Field","name":{"kind":"Name","value":"employee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CalendarTask"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CalendarTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allDay"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<TaskCalendarByEmployeeQuery, TaskCalendarByEmployeeQueryVariables>;
export const TaskCalendarByWeekDocument = {"__meta__":{"hash":"93915dd41a2451a20d13152d2f61b77172548cc87623c9338ea3d0e67cecf56f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaskCalendarByWeek"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TaskFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskCalendar"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"EnumValue","value":"WEEK"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"taskCount"}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CalendarTask"}},{"kind":"Field","name":{"kind":"Name","value":"employee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CalendarTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allDay"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<TaskCalendarByWeekQuery, TaskCalendarByWeekQueryVariables>;
export const TaskListPageDocument = {"__meta__":{"hash":"570e83d061f839ddc24d62f68825950ebea240ef63241b2634a516c4841fd620"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaskListPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TaskFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CalendarTask"}},{"kind":"Field","name":{"kind":"Name","value":"employee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CalendarTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allDay"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<TaskListPageQuery, TaskListPageQueryVariables>;
export const CreateTaskDocument = {"__meta__":{"hash":"0b208877462611180671d828a631161e529956416d08abfb190799e01b403c4c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTaskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CalendarTask"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CalendarTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allDay"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CreateTaskMutation, CreateTaskMutationVariables>;
export const SyncTasksDocument = {"__meta__":{"hash":"c53f6c336a1ea03eec2f03eb23d4bd9d1b6d4c3310a624bbbddd9cb7ccfb8c10"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SyncTasks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"full"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncTasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"full"},"value":{"kind":"Variable","name":{"kind":"Name","value":"full"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SyncTasksMutation, SyncTasksMutationVariables>;
export const SyncProgressDocument = {"__meta__":{"hash":"09d8e88ce1bedb5cefe4a98d698dab713ec248799ca5618916e075fff9e13639"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SyncProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"final"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<SyncProgressSubscription, SyncProgressSubscriptionVariables>;
export const ViewerDocument = {"__meta__":{"hash":"417e5c7bf1901251698e497dfd87f184832e96756cc2f394ec3a12b5ec8d2d9a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sub"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;