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
}

export const GOOGLE_CONNECTION_CHANGED = 'google-connection-changed';

declare module '../kernel/topics' {
  interface TopicPayloads {
    'google-connection-changed': GoogleConnectionPayload;
  }
}
