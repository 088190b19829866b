/** A tenant's Google connection as GraphQL shows it (never a secret). */
export interface GoogleConnectionPayload {
  tenant: string;
  status: 'UNCONFIGURED' | 'CREDENTIALS_SET' | 'AUTHORIZED' | 'REAUTHORIZATION_REQUIRED';
  clientId: string | null;
  grantedScopes: string[];
  missingScopes: string[];
  authorizedAt: string | null;
  authorizedBy: string | null;
  lastRefreshAt: string | null;
  lastError: string | null;
  /** The service account for domain-wide delegation, when one is set (never its key). */
  serviceAccount: { clientEmail: string; clientId: string; privateKeyId: string | null; setAt: string } | null;
  /** What to paste in the Admin console's domain-wide delegation entry: the enabled modules' scopes for the tenant, comma-separated. */
  delegationScopes: string;
}

export const GOOGLE_CONNECTION_CHANGED = 'google-connection-changed';

declare module '../kernel/topics' {
  interface TopicPayloads {
    'google-connection-changed': GoogleConnectionPayload;
  }
}
