import type { OAuth2Client } from 'google-auth-library';

/** What src/google passes to a declared API's client constructor. */
export interface GoogleApiClientOptions {
  auth: OAuth2Client;
  /** GOOGLE_API_ROOT with a trailing slash. */
  rootUrl: string;
  /** Per request, in ms (GOOGLE_REQUEST_TIMEOUT_MS). */
  timeout: number;
  /** Always false: the sync engine retries, with backoff and the rate limiter. */
  retry: false;
  /** A sync run's signal: every request of this client is aborted when the run is cancelled or stopped. */
  signal?: AbortSignal;
}

/** A Google API a module calls: its rate-limit bucket, default limit, override variable and scopes. */
export interface GoogleApi<TClient = unknown> {
  /** The rate limiter's bucket name, e.g. "calendar". */
  name: string;
  /** Requests per minute per acting Google user (the tenant's authorized account, or each impersonated user), kept under Google's per-user quota. */
  perMinute: number;
  /** The environment variable that overrides `perMinute`, e.g. GOOGLE_RATE_CALENDAR_PER_MINUTE. */
  rateEnv: string;
  /** Requests per minute for the whole Google Cloud project (every user of a tenant together), when Google sets one. */
  projectPerMinute?: number;
  /** The environment variable that overrides `projectPerMinute`. */
  projectRateEnv?: string;
  /** The OAuth scopes its calls need. */
  scopes: string[];
  /** Builds the googleapis client (import only that API: the googleapis index loads all of them). */
  create(options: GoogleApiClientOptions): TClient;
}
