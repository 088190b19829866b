/** One entry of the legacy `errors` list that Google APIs still send next to the AIP-193 fields. */
export interface GoogleErrorDetail {
  domain: string;
  reason: string;
  message: string;
  location?: string;
  locationType?: string;
}

/** The JSON body Google APIs answer an error with. */
export interface GoogleApiErrorBody {
  error: { code: number; message: string; status: string; errors: GoogleErrorDetail[] };
}

/** An error of a Google API (Calendar, People, …) in Google's JSON shape; handlers may return or throw it. */
export class GoogleApiError extends Error {
  constructor(
    /** The HTTP status, repeated as `error.code`. */
    readonly code: number,
    message: string,
    /** The canonical (gRPC) status name, e.g. `UNAUTHENTICATED`. */
    readonly status: string,
    readonly errors: GoogleErrorDetail[],
    /** Extra response headers (e.g. `www-authenticate`). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GoogleApiError';
  }

  toJSON(): GoogleApiErrorBody {
    return { error: { code: this.code, message: this.message, status: this.status, errors: this.errors } };
  }

  /** A generic error with one `errors` entry in the `global` domain. */
  static of(code: number, status: string, reason: string, message: string, detailMessage = message): GoogleApiError {
    return new GoogleApiError(code, message, status, [{ domain: 'global', reason, message: detailMessage }]);
  }
}

const REALM = 'Bearer realm="https://accounts.google.com/"';

/** 401 for a request without any credential (Google answers `reason: required`, "Login Required."). */
export function loginRequired(): GoogleApiError {
  return new GoogleApiError(
    401,
    'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    'UNAUTHENTICATED',
    [{ domain: 'global', reason: 'required', message: 'Login Required.', location: 'Authorization', locationType: 'header' }],
    { 'www-authenticate': REALM },
  );
}

/** 401 for an unknown, malformed, expired or revoked access token. */
export function invalidCredentials(): GoogleApiError {
  return new GoogleApiError(
    401,
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    'UNAUTHENTICATED',
    [{ domain: 'global', reason: 'authError', message: 'Invalid Credentials', location: 'Authorization', locationType: 'header' }],
    { 'www-authenticate': `${REALM}, error="invalid_token"` },
  );
}

/** 403 for a valid access token that lacks the scope the endpoint needs. */
export function insufficientScopes(required: readonly string[]): GoogleApiError {
  return new GoogleApiError(
    403,
    'Request had insufficient authentication scopes.',
    'PERMISSION_DENIED',
    [{ domain: 'global', reason: 'insufficientPermissions', message: 'Insufficient Permission' }],
    { 'www-authenticate': `${REALM}, error="insufficient_scope", scope="${required.join(' ')}"` },
  );
}

export function notFound(path: string): GoogleApiError {
  return GoogleApiError.of(404, 'NOT_FOUND', 'notFound', `The requested URL ${path} was not found on this server.`, 'Not Found');
}

export function payloadTooLarge(limit: number): GoogleApiError {
  return GoogleApiError.of(413, 'INVALID_ARGUMENT', 'uploadTooLarge', `Request payload size exceeds the limit: ${limit} bytes.`);
}

export function invalidJson(detail: string): GoogleApiError {
  return GoogleApiError.of(400, 'INVALID_ARGUMENT', 'parseError', `Invalid JSON payload received. ${detail}`, 'Parse Error');
}

export function internalError(): GoogleApiError {
  return GoogleApiError.of(500, 'INTERNAL', 'backendError', 'Internal error encountered.', 'Backend Error');
}

/** An error of the OAuth endpoints (token, revoke, tokeninfo): `{ error, error_description }` with an HTTP status. */
export class OAuthError extends Error {
  constructor(
    readonly httpStatus: number,
    /** The RFC 6749 error code, e.g. `invalid_grant`. */
    readonly error: string,
    readonly description?: string,
  ) {
    super(description ? `${error}: ${description}` : error);
    this.name = 'OAuthError';
  }

  toJSON(): { error: string; error_description?: string } {
    return this.description === undefined ? { error: this.error } : { error: this.error, error_description: this.description };
  }
}

/** A failure of the authorization endpoint shown as an error page (client or redirect URI untrusted: nothing to redirect to). */
export class AuthorizationPageError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(`${error}: ${description}`);
    this.name = 'AuthorizationPageError';
  }
}
