/** The signed-in person's bearer token: from the URL fragment (#token=…) or pasted, kept per browser tab. */

const KEY = 'console.token';

export interface Session {
  token: string;
  /** Expiry (ms since epoch) from the token's `exp`, or null when it has none. */
  expiresAt: number | null;
  subject: string | null;
}

function decodePart(part: string): unknown {
  const b64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** Reads a JWT's claims without verifying it (the gateway verifies); null when it is not a JWT. */
export function parseToken(raw: string): Session | null {
  const token = raw.trim().replace(/^Bearer\s+/i, '');
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const claims = decodePart(parts[1]) as { exp?: unknown; sub?: unknown };
    return {
      token,
      expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : null,
      subject: typeof claims.sub === 'string' ? claims.sub : null,
    };
  } catch {
    return null;
  }
}

export const isExpired = (s: Session, now = Date.now()) => s.expiresAt !== null && s.expiresAt <= now;

/**
 * Takes a token from `#token=…` (the host ERP opens the console so; a fragment never reaches a
 * server) and removes it from the address bar, else the one kept in sessionStorage.
 */
export function initialSession(): { session: Session | null; rejected: 'expired' | 'invalid' | null } {
  const hash = new URLSearchParams(window.location.hash.slice(1));
  const fromHash = hash.get('token');
  if (fromHash !== null) {
    hash.delete('token');
    const rest = hash.toString();
    window.history.replaceState(null, '', window.location.pathname + window.location.search + (rest ? `#${rest}` : ''));
    const s = parseToken(fromHash);
    if (!s) return { session: null, rejected: 'invalid' };
    if (isExpired(s)) return { session: null, rejected: 'expired' };
    saveSession(s);
    return { session: s, rejected: null };
  }
  const kept = sessionStorage.getItem(KEY);
  const s = kept ? parseToken(kept) : null;
  if (s && isExpired(s)) {
    clearSession();
    return { session: null, rejected: 'expired' };
  }
  return { session: s, rejected: null };
}

export function saveSession(s: Session): void {
  sessionStorage.setItem(KEY, s.token);
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
