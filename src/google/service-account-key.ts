import { createPrivateKey } from 'node:crypto';
import { badUserInput } from '../kernel/errors';

/** A service account's JSON key, as Google Cloud console downloads it, reduced to what is used. */
export interface ServiceAccountKey {
  clientEmail: string;
  /** The numeric client id pasted into the Admin console's domain-wide delegation list. */
  clientId: string;
  privateKeyId: string | null;
  projectId: string | null;
  /** PKCS#8 PEM. Secret: seal it, never log or return it. */
  privateKey: string;
}

const MAX_KEY_JSON = 20_000;
const CLIENT_ID = /^\d{5,40}$/;
const SA_EMAIL = /^[a-z0-9-]{1,100}@[a-z0-9.-]{1,200}\.iam\.gserviceaccount\.com$|^[^\s@]{1,100}@[^\s@]{1,200}$/i;

const field = 'keyJson';

/**
 * Validates a service account's JSON key: `type` service_account, an RSA private key that parses,
 * `client_email` and `client_id`. Errors name what is wrong and never echo the key.
 */
export function parseServiceAccountKey(keyJson: string): ServiceAccountKey {
  if (typeof keyJson !== 'string' || !keyJson.trim()) throw badUserInput('keyJson must not be empty: paste the JSON key file of the service account', field);
  if (keyJson.length > MAX_KEY_JSON) throw badUserInput(`keyJson must be at most ${MAX_KEY_JSON} characters`, field);
  let raw: unknown;
  try {
    raw = JSON.parse(keyJson);
  } catch {
    throw badUserInput('keyJson is not JSON: paste the whole key file Google Cloud console downloaded (Service accounts → Keys → Add key → JSON)', field);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw badUserInput('keyJson must be a JSON object (a service account key file)', field);
  const key = raw as Record<string, unknown>;
  if (key.type !== 'service_account') throw badUserInput(`keyJson is not a service account key ("type" must be "service_account", got ${JSON.stringify(String(key.type ?? '')).slice(0, 40)})`, field);
  const clientEmail = typeof key.client_email === 'string' ? key.client_email.trim().toLowerCase() : '';
  if (!clientEmail || !SA_EMAIL.test(clientEmail)) throw badUserInput('keyJson has no valid "client_email" (the service account’s address)', field);
  const clientId = typeof key.client_id === 'string' ? key.client_id.trim() : '';
  if (!CLIENT_ID.test(clientId)) throw badUserInput('keyJson has no valid "client_id" (the numeric id of the service account)', field);
  const pem = typeof key.private_key === 'string' ? key.private_key : '';
  if (!pem.includes('PRIVATE KEY')) throw badUserInput('keyJson has no "private_key" in PEM form', field);
  let parsed;
  try {
    parsed = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw badUserInput('the "private_key" of keyJson does not parse as a PEM private key', field);
  }
  if (parsed.asymmetricKeyType !== 'rsa') throw badUserInput(`the "private_key" of keyJson must be an RSA key (got ${parsed.asymmetricKeyType ?? 'unknown'})`, field);
  const privateKey = parsed.export({ type: 'pkcs8', format: 'pem' }).toString();
  const str = (v: unknown, max: number) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : null);
  return { clientEmail, clientId, privateKeyId: str(key.private_key_id, 100), projectId: str(key.project_id, 100), privateKey };
}
