import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../kernel/errors';
import { parseServiceAccountKey } from './service-account-key';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const key = { type: 'service_account', project_id: 'p', private_key_id: 'k1', private_key: rsa, client_email: 'sync@p.iam.gserviceaccount.com', client_id: '123456789012345678901' };

function refusal(json: string): DomainError {
  try {
    parseServiceAccountKey(json);
  } catch (err) {
    return err as DomainError;
  }
  throw new Error('accepted');
}

describe('parseServiceAccountKey', () => {
  it('accepts a Google Cloud key file', () => {
    expect(parseServiceAccountKey(JSON.stringify(key))).toMatchObject({ clientEmail: key.client_email, clientId: key.client_id, privateKeyId: 'k1', projectId: 'p' });
  });

  it.each([
    ['not JSON', 'nope', /is not JSON/],
    ['another kind of key', JSON.stringify({ ...key, type: 'authorized_user' }), /"type" must be "service_account"/],
    ['no client_email', JSON.stringify({ ...key, client_email: '' }), /client_email/],
    ['no client_id', JSON.stringify({ ...key, client_id: 'abc' }), /client_id/],
    ['a key that does not parse', JSON.stringify({ ...key, private_key: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----' }), /does not parse/],
    ['an EC key', JSON.stringify({ ...key, private_key: ec }), /must be an RSA key/],
  ])('refuses %s with BAD_USER_INPUT on keyJson, without echoing the key', (_, json, message) => {
    const err = refusal(json);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'keyJson' } });
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain('PRIVATE KEY');
  });
});
