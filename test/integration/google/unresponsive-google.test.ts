import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorCodes, gql } from '../../helpers/client';
import { dbQuery } from '../../helpers/database';
import { connectGoogle, consent, shareEmployeeCalendars, requestAuthorization, setCredentials, startGoogleTestBed, type GoogleTestBed } from '../../helpers/google';
import { syncTasks, waitForRun } from '../../helpers/sync';
import { TaskFixtures } from '../../helpers/tasks';
import { sample, scrapeMetrics } from '../../helpers/metrics';

/**
 * A Google that never answers, or answers garbage, through the real server: every call is bounded
 * by GOOGLE_REQUEST_TIMEOUT_MS (short here), retried only where that is safe, and said plainly.
 */
const TIMEOUT_MS = 300;
const ATTEMPTS = 3;
const DID_NOT_ANSWER = 'Google did not answer within 0.3 s';
/** Far below what an unbounded call would take, far above a bounded one on two busy cores. */
const BOUNDED_MS = 10_000;

let bed: GoogleTestBed;
let f: TaskFixtures;

beforeAll(async () => {
  bed = await startGoogleTestBed({
    env: { GOOGLE_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS), GOOGLE_CALENDAR_CONCURRENCY: '1' },
    syncOptions: { concurrency: 1, leaseSeconds: 3, pollingIntervalSeconds: 0.5, housekeepingSeconds: 0.5, retry: { maxAttempts: ATTEMPTS, baseDelayMs: 10, maxDelayMs: 50 } },
  });
  f = new TaskFixtures(bed.gw, bed.admin);
});
afterAll(() => bed?.stop());
beforeEach(() => {
  bed.google.setEndpointFault('token', null);
  bed.google.setEndpointFault('revoke', null);
  bed.google.setEndpointFault('api', null);
});

/** POSTs to the token endpoint (before the connection is authorized, each is a code exchange; a request cut before its body was read has none). */
const tokenPosts = () => bed.google.requests.filter((r) => r.path === '/token' && r.method === 'POST');
const refreshes = () => bed.google.requests.filter((r) => r.path === '/token' && (r.body as Record<string, string>)?.grant_type === 'refresh_token');

/** A fresh code and state, consented at Google; returns authorizeGoogle's answer and how long it took. */
async function authorizeWithNewCode() {
  await setCredentials(bed);
  const redirect = await consent((await requestAuthorization(bed)).url);
  const started = Date.now();
  const res = await gql<{ authorizeGoogle: { status: string } }>(bed.gw.url, 'mutation($i: AuthorizeGoogleInput!) { authorizeGoogle(input: $i) { status } }', {
    token: bed.admin,
    variables: { i: { code: redirect.searchParams.get('code'), state: redirect.searchParams.get('state') } },
  });
  return { res, ms: Date.now() - started };
}

async function lastError(): Promise<string | null> {
  const res = await gql<{ googleConnection: { lastError: string | null } }>(bed.gw.url, '{ googleConnection { lastError } }', { token: bed.admin });
  return res.body.data!.googleConnection.lastError;
}

describe('authorizeGoogle and disconnectGoogle against a Google that hangs or answers garbage', () => {
  it('a token endpoint that never answers: authorizeGoogle returns in bounded time, the code POSTed once', async () => {
    bed.google.setEndpointFault('token', 'hang');
    const before = tokenPosts().length;
    const { res, ms } = await authorizeWithNewCode();
    expect(ms).toBeLessThan(BOUNDED_MS);
    expect(errorCodes(res)).toEqual(['GOOGLE_UNAVAILABLE']);
    expect(res.body.errors![0]!.extensions!.reason).toBe('google_timeout');
    expect(res.body.errors![0]!.message).toContain(DID_NOT_ANSWER);
    // The hung request is recorded (unanswered) once the gateway gave up on it.
    await expect.poll(() => tokenPosts().length - before, { timeout: BOUNDED_MS }).toBe(1);
    expect(tokenPosts().at(-1)!.status).toBe(0);
    expect(await lastError()).toContain(DID_NOT_ANSWER);
  });

  it('a 502 from the token endpoint: the single-use code is not POSTed again', async () => {
    bed.google.setEndpointFault('token', 'bad-gateway');
    const before = tokenPosts().length;
    const { res } = await authorizeWithNewCode();
    expect(errorCodes(res)).toEqual(['GOOGLE_UNAVAILABLE']);
    expect(res.body.errors![0]!.message).toMatch(/HTTP 502/);
    expect(tokenPosts().length - before).toBe(1);
  });

  it('a 200 with garbage from the token endpoint is said as such, not as a missing refresh token', async () => {
    bed.google.setEndpointFault('token', 'garbage');
    const { res } = await authorizeWithNewCode();
    expect(errorCodes(res)).toEqual(['GOOGLE_UNAVAILABLE']);
    expect(res.body.errors![0]!.extensions!.reason).toBe('not_a_token');
    expect(res.body.errors![0]!.message).toContain("Google's token endpoint answered with something that is not a token");
    expect(res.body.errors![0]!.message).not.toMatch(/refresh token|remove this app/i);
    expect(await lastError()).not.toMatch(/remove this app/i);
  });

  it('a revocation endpoint that never answers: disconnectGoogle forgets the connection and says the revocation did not complete', async () => {
    await connectGoogle(bed);
    bed.google.setEndpointFault('revoke', 'hang');
    const started = Date.now();
    const res = await gql<{ disconnectGoogle: { status: string; lastError: string } }>(bed.gw.url, 'mutation { disconnectGoogle { status lastError } }', { token: bed.admin });
    expect(Date.now() - started).toBeLessThan(BOUNDED_MS);
    expect(res.body.data!.disconnectGoogle.status).toBe('CREDENTIALS_SET');
    expect(res.body.data!.disconnectGoogle.lastError).toMatch(/revocation at Google did not complete \(Google did not answer within 0\.3 s\)/);
    const stored = await dbQuery(bed.gw.databaseUrl, 'SELECT refresh_token, access_token FROM google_connection');
    expect(stored.rows[0]).toEqual({ refresh_token: null, access_token: null });
  });
});

describe('a sync against a Google that hangs or answers garbage', () => {
  beforeAll(async () => {
    // Access tokens that live 60 s: every run refreshes first (the refresh margin is 5 minutes).
    bed.google.setAccessTokenTtl(60);
    await connectGoogle(bed);
    const ana = await f.employee('Ana', 'ana@acme.test');
    shareEmployeeCalendars(bed.google, ['ana@acme.test']);
    await f.task({ title: 'Visit', employeeId: ana, startDate: '2026-03-10', endDate: '2026-03-10' });
    await f.task({ title: 'Report', employeeId: ana, startDate: '2026-03-11', endDate: '2026-03-11' });
  });

  it('a token refresh that never answers is retried with backoff, then the run fails with "Google did not answer", and the next sync starts', async () => {
    bed.google.setEndpointFault('token', 'hang');
    const before = refreshes().length;
    const run = await syncTasks(bed.gw.url, bed.admin, false, BOUNDED_MS);
    expect(run.status).toBe('FAILED');
    expect(run.error).toContain(DID_NOT_ANSWER);
    expect(run.error).not.toMatch(/internal|abort/i);
    await expect.poll(() => refreshes().length - before).toBe(ATTEMPTS);

    bed.google.setEndpointFault('token', null);
    const next = await syncTasks(bed.gw.url, bed.admin, false, BOUNDED_MS);
    expect(next.id).not.toBe(run.id);
    expect(next).toMatchObject({ status: 'SUCCEEDED', created: 2 });
  });

  it('a 200 with garbage from the token endpoint fails the run with what it is', async () => {
    bed.google.setEndpointFault('token', 'garbage');
    const run = await syncTasks(bed.gw.url, bed.admin, true, BOUNDED_MS);
    expect(run.status).toBe('FAILED');
    expect(run.error).toContain("Google's token endpoint answered with something that is not a token");
  });

  it('a Calendar call that never answers is transient: retried, then the run fails with "Google did not answer", never INTERNAL', async () => {
    bed.google.setEndpointFault('api', 'hang');
    const before = bed.google.requests.length;
    const run = await syncTasks(bed.gw.url, bed.admin, true, BOUNDED_MS);
    expect(run.status).toBe('FAILED');
    expect(run.error).toBe(DID_NOT_ANSWER);
    expect(run.errors).toEqual([]);
    // The first task's read was tried ATTEMPTS times, then the run stopped (the second was never tried).
    const calls = () => bed.google.requests.slice(before).filter((r) => r.path.startsWith('/calendar/'));
    await expect.poll(() => calls().length).toBe(ATTEMPTS);
    expect(new Set(calls().map((r) => r.path)).size).toBe(1);
  });

  it('a Calendar answer that is an HTML page is not taken for an event', async () => {
    bed.google.setEndpointFault('api', 'garbage');
    const run = await syncTasks(bed.gw.url, bed.admin, true, BOUNDED_MS);
    expect(run.status).toBe('FAILED');
    expect(run.error).toMatch(/^Google answered with something that is not an API answer \(HTTP 200, text\/html\)/);
    bed.google.setEndpointFault('api', null);
    const again = await waitForRun(bed.gw.url, bed.admin, (await syncTasks(bed.gw.url, bed.admin, true, BOUNDED_MS)).id);
    expect(again).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
  });
});

describe('metrics of Google calls', () => {
  it('/metrics counts the calls above by API and outcome: ok, timeout, garbage', async () => {
    const text = await scrapeMetrics(bed.gw.origin);
    const value = (series: string) => sample(text, series) ?? 0;
    expect(value('gateway_google_calls_total{api="oauth-token",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(value('gateway_google_calls_total{api="oauth-token",outcome="timeout"}')).toBeGreaterThanOrEqual(ATTEMPTS);
    expect(value('gateway_google_calls_total{api="oauth-token",outcome="garbage"}')).toBeGreaterThanOrEqual(1);
    expect(value('gateway_google_calls_total{api="calendar",outcome="ok"}')).toBeGreaterThanOrEqual(2);
    expect(value('gateway_google_calls_total{api="calendar",outcome="timeout"}')).toBeGreaterThanOrEqual(ATTEMPTS);
    expect(value('gateway_google_calls_total{api="calendar",outcome="garbage"}')).toBeGreaterThanOrEqual(1);
  });
});
