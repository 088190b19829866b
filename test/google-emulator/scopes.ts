export const EMAIL_SCOPE = 'https://www.googleapis.com/auth/userinfo.email';
export const PROFILE_SCOPE = 'https://www.googleapis.com/auth/userinfo.profile';

/** Google answers the short sign-in scopes with their long names (`email` → …/userinfo.email). */
const ALIASES: Record<string, string> = { email: EMAIL_SCOPE, profile: PROFILE_SCOPE };

/** Sign-in scopes cannot be unticked on Google's granular consent screen: they are always granted. */
export const SIGN_IN_SCOPES: ReadonlySet<string> = new Set(['openid', EMAIL_SCOPE, PROFILE_SCOPE]);

export function normalizeScope(scope: string): string {
  return ALIASES[scope] ?? scope;
}

/** Splits a space-separated `scope` parameter; normalized, de-duplicated, in request order. */
export function parseScopes(param: string | undefined): string[] {
  return normalizeScopes((param ?? '').split(/\s+/).filter(Boolean));
}

export function normalizeScopes(scopes: readonly string[]): string[] {
  return [...new Set(scopes.map(normalizeScope))];
}

/** Whether Google would accept the scope at all (a URL or one of the OpenID Connect names). */
export function isWellFormedScope(scope: string): boolean {
  return scope === 'openid' || /^https:\/\/[^\s/]+\.[^\s/]+\/\S*$/.test(scope);
}

/** True when `granted` holds at least one of `anyOf` (aliases understood); an empty `anyOf` needs nothing. */
export function hasAnyScope(granted: readonly string[], anyOf: readonly string[]): boolean {
  if (anyOf.length === 0) return true;
  const set = new Set(granted.map(normalizeScope));
  return anyOf.some((s) => set.has(normalizeScope(s)));
}
