import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOGLE_CONNECTION_CHANGED } from '../../../src/google/google-events';
import { SecretBox } from '../../../src/google/secret-box';
import { collect, errorCodes, gql, sleep, wsClient } from '../../helpers/client';
import { dbQuery } from '../../helpers/database';
import { startTestGateway, TEST_SECRETS_KEY, type TestGateway } from '../../helpers/gateway';
import { CLIENT_SECRET, connectGoogle, setCredentials, startGoogleTestBed, type GoogleTestBed } from '../../helpers/google';
import { probeModule } from '../../fixtures/google-probe';
import { REPO } from '../../helpers/process';

let bed: GoogleTestBed;
let second: TestGateway;

beforeAll(async () => {
  bed = await startGoogleTestBed();
  // A second gateway instance on the same database, with its own pub/sub connection.
  second = await startTestGateway({ extraModules: [probeModule], env: { ...bed.google.env }, database: { url: bed.gw.databaseUrl } });
});
afterAll(async () => {
  await second?.stop();
  await bed?.stop();
});

/** Every row of every table, as text (a data dump that needs no pg_dump of the server's version). */
async function dumpDatabase(url: string): Promise<string> {
  const tables = await dbQuery(url, `SELECT schemaname, tablename FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`);
  const out: string[] = [];
  for (const t of tables.rows) {
    const rows = await dbQuery(url, `SELECT row_to_json(x)::text AS j FROM "${t.schemaname}"."${t.tablename}" x`);
    out.push(`-- ${t.schemaname}.${t.tablename}`, ...rows.rows.map((r) => r.j));
  }
  return out.join('\n');
}

async function storedSecrets(): Promise<string[]> {
  const box = new SecretBox(TEST_SECRETS_KEY);
  const rows = await dbQuery(bed.gw.databaseUrl, 'SELECT client_secret, refresh_token, access_token FROM google_connection');
  const states = await dbQuery(bed.gw.databaseUrl, 'SELECT code_verifier FROM google_oauth_state');
  return [...rows.rows.flatMap((r) => Object.values(r)), ...states.rows.map((r) => r.code_verifier)].filter((v): v is string => typeof v === 'string').map((v) => box.open(v));
}

describe('secrets', () => {
  it('never appear in a response, an event, a log line or a database dump', async () => {
    const responses: string[] = [];
    const admin = bed.admin;
    const client = wsClient(bed.gw.wsUrl, admin);
    const events = collect(client, 'subscription { googleConnectionChanged { status clientId grantedScopes lastError } }');
    await sleep(200);

    await connectGoogle(bed);
    for (const op of [
      '{ googleConnection { status clientId grantedScopes missingScopes authorizedAt authorizedBy lastRefreshAt lastError } }',
      'mutation { requestGoogleAuthorization { url state } }',
      'mutation { resetCaches { at } }',
    ]) {
      responses.push(JSON.stringify((await gql(bed.gw.url, op, { token: admin })).body));
    }
    // Bad input that carries the secret must not be echoed back.
    const bad = await gql(bed.gw.url, 'mutation($i: SetGoogleClientCredentialsInput!) { setGoogleClientCredentials(input: $i) { status } }', {
      token: admin,
      variables: { i: { clientId: 'x', clientSecret: CLIENT_SECRET, unexpected: true } },
    });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    responses.push(JSON.stringify(bad.body));
    const probe = await gql(bed.gw.url, '{ googleProbe { email } }', { token: await bed.gw.token('acme') });
    responses.push(JSON.stringify(probe.body));
    await events.until(() => events.events.length > 0);
    responses.push(JSON.stringify(events.events));
    await client.dispose();

    const secrets = [CLIENT_SECRET, ...(await storedSecrets())];
    expect(secrets.length).toBeGreaterThanOrEqual(4); // client secret, refresh token, access token, a PKCE verifier
    const logs = bed.gw.rawLogs.join('\n');
    expect(logs).toContain('Google authorized');
    const dump = await dumpDatabase(bed.gw.databaseUrl);
    expect(dump).toContain('google_connection');
    for (const secret of secrets) {
      for (const [where, text] of [
        ['responses', responses.join('\n')],
        ['logs', logs],
        ['database dump', dump],
      ] as const) {
        expect(text.includes(secret), `${where} contain a secret`).toBe(false);
      }
    }
  });

  it('npm run rotate-secrets-key re-seals every stored secret with the new key', async () => {
    await connectGoogle(bed);
    const before = await storedSecrets();
    const newKey = randomBytes(32).toString('base64');
    const out = execFileSync('npm', ['run', '-s', 'rotate-secrets-key'], {
      cwd: REPO,
      env: { ...process.env, DATABASE_URL: bed.gw.databaseUrl, SECRETS_KEY: newKey, SECRETS_KEY_PREVIOUS: TEST_SECRETS_KEY, JWT_SECRET: 'j'.repeat(40) },
      encoding: 'utf8',
    });
    expect(out).toMatch(/re-sealed \d+ secret\(s\) with key/);
    const box = new SecretBox(newKey);
    const rows = await dbQuery(bed.gw.databaseUrl, 'SELECT client_secret, refresh_token FROM google_connection');
    expect([box.open(rows.rows[0].client_secret), box.open(rows.rows[0].refresh_token)]).toEqual(before.slice(0, 2));
    expect(() => new SecretBox(TEST_SECRETS_KEY).open(rows.rows[0].client_secret)).toThrow(/neither SECRETS_KEY/);
    // Put the old key back so that the running gateways can read again.
    execFileSync('npm', ['run', '-s', 'rotate-secrets-key'], {
      cwd: REPO,
      env: { ...process.env, DATABASE_URL: bed.gw.databaseUrl, SECRETS_KEY: TEST_SECRETS_KEY, SECRETS_KEY_PREVIOUS: newKey, JWT_SECRET: 'j'.repeat(40) },
    });
  }, 60_000);
});

describe('caches across gateway instances', () => {
  /** The second instance's error codes for a probe, polled (≤ 5 s) until it fails: changes reach it through PostgreSQL's NOTIFY. */
  async function probeErrorsOnSecond(user: string): Promise<unknown[]> {
    const deadline = Date.now() + 5000;
    let codes: unknown[] = [];
    while (Date.now() < deadline) {
      codes = errorCodes(await gql(second.url, '{ googleProbe { email } }', { token: user }));
      if (codes.length) break;
      await sleep(50);
    }
    return codes;
  }

  it('resetCaches on one instance clears the other’s Google client cache', async () => {
    // The second instance drops its client when the authorization's own event reaches it; on busy
    // CPUs that may come after its first probe. Wait for it, so the probes below see a settled cache.
    const authorizedThere = new Promise<void>((resolve) => {
      const off = second.gateway.services.pubsub.onTopic(GOOGLE_CONNECTION_CHANGED, (tenant, payload) => {
        if (tenant === 'acme' && payload.status === 'AUTHORIZED') {
          off();
          resolve();
        }
      });
    });
    await connectGoogle(bed);
    await authorizedThere;
    const user = await bed.gw.token('acme');
    // The second instance builds and caches its client.
    expect((await gql(second.url, '{ googleProbe { email } }', { token: user })).body.errors).toBeUndefined();
    // Out-of-band change (e.g. a DBA): the cached client does not know yet.
    await dbQuery(bed.gw.databaseUrl, `UPDATE google_connection SET status = 'REAUTHORIZATION_REQUIRED'`);
    expect((await gql(second.url, '{ googleProbe { email } }', { token: user })).body.errors).toBeUndefined();

    expect((await gql(bed.gw.url, 'mutation { resetCaches { at } }', { token: bed.admin })).body.errors).toBeUndefined();
    expect(await probeErrorsOnSecond(user)).toEqual(['GOOGLE_NOT_AUTHORIZED']);
  });

  it('a credentials change on one instance reaches the other at once', async () => {
    await dbQuery(bed.gw.databaseUrl, 'DELETE FROM google_connection');
    await connectGoogle(bed);
    const user = await bed.gw.token('acme');
    expect((await gql(second.url, '{ googleProbe { email } }', { token: user })).body.errors).toBeUndefined();
    await setCredentials(bed, bed.admin, 'replacement.apps.googleusercontent.com');
    expect(await probeErrorsOnSecond(user)).toEqual(['GOOGLE_NOT_AUTHORIZED']);
  });
});
