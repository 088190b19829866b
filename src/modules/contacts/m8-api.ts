import type { OAuth2Client } from 'google-auth-library';
import type { GoogleApi } from '../../kernel/module';

export const M8_SCOPE = 'https://www.google.com/m8/feeds';

/** An answer of the Domain Shared Contacts API (Atom XML as text). */
export interface M8Response {
  data: string;
  status: number;
}

/**
 * A thin client of the Domain Shared Contacts API (GData v3, Atom XML): googleapis has none. Calls
 * go through the tenant's OAuth2Client (token fresh, no retry of its own: the sync engine retries).
 * A GData error (an XML `<errors>` document) is rethrown in Google's JSON error shape, so that the
 * engine's error classes read its status, reason and message like any other Google API's.
 */
export class M8Client {
  constructor(
    private readonly auth: OAuth2Client,
    private readonly timeout: number,
  ) {}

  async request(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, options: { body?: string; etag?: string } = {}): Promise<M8Response> {
    const headers: Record<string, string> = { 'GData-Version': '3.0' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/atom+xml; charset=UTF-8';
    if (options.etag) headers['If-Match'] = options.etag;
    try {
      const res = await this.auth.request<string>({ url, method, headers, data: options.body, responseType: 'text', timeout: this.timeout, retry: false });
      return { data: typeof res.data === 'string' ? res.data : String(res.data ?? ''), status: res.status };
    } catch (err) {
      throw asGoogleError(err);
    }
  }
}

/** `<errors><error><domain/><code/><internalReason/></error></errors>` → `{ error: { code, message, errors: [{ reason }] } }`. */
function asGoogleError(err: unknown): unknown {
  const e = err as { response?: { status?: number; data?: unknown; headers?: unknown } };
  const data = e?.response?.data;
  if (!e?.response || typeof data !== 'string') return err;
  const pick = (tag: string) => {
    const raw = new RegExp(`<(?:\\w+:)?${tag}>([^<]*)</(?:\\w+:)?${tag}>`).exec(data)?.[1]?.trim();
    return raw === undefined ? null : unescapeXml(raw);
  };
  const xml = data.trimStart().startsWith('<');
  const reason = xml ? pick('code') : null;
  const message = (xml ? pick('internalReason') : data.trim().slice(0, 300)) || `HTTP ${e.response.status}`;
  const response = {
    status: e.response.status,
    headers: e.response.headers,
    data: { error: { code: e.response.status, message, errors: reason ? [{ domain: 'GData', reason, message }] : [] } },
  };
  return Object.assign(new Error(`Domain Shared Contacts API: HTTP ${e.response.status} ${message}`), { response });
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, e: string) => {
    if (e[0] !== '#') return XML_ENTITIES[e.toLowerCase()] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/**
 * The Domain Shared Contacts API. No published per-user quota: 300 requests per minute per tenant
 * keeps well below what Google enforces, and each batch carries up to 100 contacts. Override with
 * GOOGLE_RATE_M8_PER_MINUTE. Its root is GOOGLE_M8_ROOT (a section of the contacts module's config).
 */
export const m8Api: GoogleApi<M8Client> = {
  name: 'm8',
  perMinute: 300,
  rateEnv: 'GOOGLE_RATE_M8_PER_MINUTE',
  scopes: [M8_SCOPE],
  create: (options) => new M8Client(options.auth, options.timeout),
};
