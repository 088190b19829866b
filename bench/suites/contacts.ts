import pg from 'pg';
import { ensureTenantRow } from '../../src/db/tenant-registry';
import { startGoogleEmulator } from '../../test/google-emulator';
import { gatewayDatabaseUrl } from '../lib/database-url';
import { startGateway, type RunningGateway } from '../lib/gateway';
import { graphql, runSync } from '../lib/sync-run';
import type { BenchContext, Row, Suite } from '../lib/types';

const CLIENT = { clientId: 'bench.apps.googleusercontent.com', clientSecret: 'bench-secret' };
const CONTACTS = 10_000;
const LARGE = 100_000;
const LATENCY_MS = 50;
/** The gateway's limiter is opened up so that the figures measure the job, not the default pacing. */
const LIMIT_PER_MINUTE = 60_000;

/** Contacts made by PostgreSQL in one statement: names with diacritics, an email, a phone number each. */
async function seedContacts(url: string, tenant: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await ensureTenantRow(client, tenant);
    await client.query(
      `INSERT INTO contact (id, tenant, given_name, family_name, display_name, company, emails, phone_numbers, created_at, updated_at)
       SELECT gen_random_uuid(), $1, g, f, g || ' ' || f, 'Firma ' || (i % 500),
         jsonb_build_array(jsonb_build_object('type', 'WORK', 'address', 'c' || i || '@bench.test', 'primary', true)),
         jsonb_build_array(jsonb_build_object('type', 'MOBILE', 'number', '07' || lpad((i % 100000000)::text, 8, '0'), 'e164', '+407' || lpad((i % 100000000)::text, 8, '0'))),
         now(), now()
       FROM generate_series(1, $2) AS i,
         LATERAL (SELECT (ARRAY['Ana','Ștefan','Ioana','Mihai','Țuțu','Îngrid'])[1 + i % 6] AS g, (ARRAY['Popescu','Mureșan','Brâncuși','Țăranu','Ionescu'])[1 + i % 5] AS f) n`,
      [tenant, count],
    );
  } finally {
    await client.end();
  }
}

/** Credentials, consent, callback: what an admin does (again after a target change, for its scope). */
async function authorize(gw: RunningGateway, admin: string): Promise<void> {
  const { requestGoogleAuthorization } = await graphql<{ requestGoogleAuthorization: { url: string } }>(gw, admin, 'mutation { requestGoogleAuthorization { url } }');
  const consent = await fetch(requestGoogleAuthorization.url, { redirect: 'manual' });
  const back = new URL(consent.headers.get('location')!);
  const cb = await fetch(`${gw.baseUrl}${back.pathname}${back.search}`);
  if (cb.status !== 200) throw new Error(`Google authorization failed: ${await cb.text()}`);
}

const sum = (o: Readonly<Record<string, number>>) => Object.values(o).reduce((a, b) => a + b, 0);

async function tenantWithContacts(ctx: BenchContext, gw: RunningGateway, tenant: string, count: number, target: 'DOMAIN_SHARED' | 'USER_GROUP'): Promise<string> {
  await seedContacts(gatewayDatabaseUrl(ctx, gw), tenant, count);
  const admin = await gw.token({ tenant, roles: ['admin'], sub: `${tenant}-admin` });
  await graphql(gw, admin, 'mutation($i: UpdateContactsSettingsInput!) { updateContactsSettings(input: $i) { target } }', { i: { target, domain: 'example.com' } });
  await graphql(gw, admin, 'mutation($i: SetGoogleClientCredentialsInput!) { setGoogleClientCredentials(input: $i) { status } }', { i: CLIENT });
  await authorize(gw, admin);
  return admin;
}

/**
 * First sync of 10,000 contacts to each target at 50 ms emulator latency (calls made against the
 * issue's targets, wall time, peak RSS of the gateway), a sync with nothing changed (no write), and
 * the peak RSS of a first sync of 100,000 contacts (pages through the table, never all of it).
 */
export const contactsSync: Suite = {
  name: 'contacts',
  description: `first sync of ${CONTACTS.toLocaleString('en-US')} contacts per target at ${LATENCY_MS} ms emulator latency (limiter opened to ${LIMIT_PER_MINUTE}/min), no-op resync, ${LARGE.toLocaleString('en-US')}-contact RSS`,
  async run(ctx: BenchContext): Promise<Row[]> {
    const google = await startGoogleEmulator({ recordRequests: false });
    ctx.defer(() => google.close());
    google.sharedContacts.setLatency(LATENCY_MS);
    google.people.setLatency(LATENCY_MS);
    const gw = await startGateway(ctx, {
      env: { ...google.env, MODULES: 'auth,contacts', GOOGLE_RATE_M8_PER_MINUTE: String(LIMIT_PER_MINUTE), GOOGLE_RATE_PEOPLE_PER_MINUTE: String(LIMIT_PER_MINUTE) },
    });
    google.registerClient({ ...CLIENT, redirectUris: [`http://localhost:${gw.port}/oauth/google/callback`] });
    const rows: Row[] = [];

    // Domain Shared Contacts.
    const dscAdmin = await tenantWithContacts(ctx, gw, 'bench-dsc', CONTACTS, 'DOMAIN_SHARED');
    ctx.log(`contacts: first sync of ${CONTACTS} contacts to the domain shared contacts`);
    let calls = sum(google.sharedContacts.callsByMethod);
    const dsc = await runSync(gw, dscAdmin, 'syncContacts', 250);
    const dscCalls = sum(google.sharedContacts.callsByMethod) - calls;
    const dscBatches = google.sharedContacts.callsByMethod.batch;
    const dscTarget = CONTACTS / 100 + 10;
    rows.push({
      label: `DOMAIN_SHARED first sync (${CONTACTS.toLocaleString('en-US')})`,
      figures: {
        status: dsc.status,
        created: dsc.created,
        'Google calls': { value: dscCalls, target: { op: '<=', value: dscTarget } },
        'write calls': dscBatches,
        'wall s': { value: dsc.wallMs / 1000, digits: 1 },
        'peak RSS MB': { value: dsc.peakRssMb, digits: 0 },
      },
      details: { callsByMethod: google.sharedContacts.callsByMethod, error: dsc.error },
    });
    let writes = google.sharedContacts.writeCount;
    calls = sum(google.sharedContacts.callsByMethod);
    const dscNoop = await runSync(gw, dscAdmin, 'syncContacts', 250);
    rows.push({
      label: 'DOMAIN_SHARED nothing changed',
      figures: {
        status: dscNoop.status,
        skipped: dscNoop.skipped,
        writes: { value: google.sharedContacts.writeCount - writes, target: { op: '<=', value: 0 } },
        'Google calls': sum(google.sharedContacts.callsByMethod) - calls,
        'wall s': { value: dscNoop.wallMs / 1000, digits: 1 },
        'peak RSS MB': { value: dscNoop.peakRssMb, digits: 0 },
      },
    });

    // People API contact group.
    const peopleAdmin = await tenantWithContacts(ctx, gw, 'bench-people', CONTACTS, 'USER_GROUP');
    ctx.log(`contacts: first sync of ${CONTACTS} contacts to a People API contact group`);
    calls = sum(google.people.callsByMethod);
    const mutationsBefore = google.people.mutationCalls;
    const ppl = await runSync(gw, peopleAdmin, 'syncContacts', 250);
    const pplCalls = sum(google.people.callsByMethod) - calls;
    rows.push({
      label: `USER_GROUP first sync (${CONTACTS.toLocaleString('en-US')})`,
      figures: {
        status: ppl.status,
        created: ppl.created,
        'Google calls': { value: pplCalls, target: { op: '<=', value: CONTACTS / 200 + 10 } },
        'write calls': google.people.mutationCalls - mutationsBefore,
        'wall s': { value: ppl.wallMs / 1000, digits: 1 },
        'peak RSS MB': { value: ppl.peakRssMb, digits: 0 },
      },
      details: { callsByMethod: google.people.callsByMethod, error: ppl.error },
    });
    writes = google.people.writeCount;
    calls = sum(google.people.callsByMethod);
    const pplNoop = await runSync(gw, peopleAdmin, 'syncContacts', 250);
    rows.push({
      label: 'USER_GROUP nothing changed',
      figures: {
        status: pplNoop.status,
        skipped: pplNoop.skipped,
        writes: { value: google.people.writeCount - writes, target: { op: '<=', value: 0 } },
        'Google calls': sum(google.people.callsByMethod) - calls,
        'wall s': { value: pplNoop.wallMs / 1000, digits: 1 },
        'peak RSS MB': { value: pplNoop.peakRssMb, digits: 0 },
      },
    });

    // 100,000 contacts: memory stays flat (the job pages through the table). Lower latency to keep the run short.
    google.sharedContacts.setLatency(5);
    const largeAdmin = await tenantWithContacts(ctx, gw, 'bench-large', LARGE, 'DOMAIN_SHARED');
    ctx.log(`contacts: first sync of ${LARGE} contacts to the domain shared contacts (5 ms latency)`);
    calls = sum(google.sharedContacts.callsByMethod);
    const large = await runSync(gw, largeAdmin, 'syncContacts', 250);
    rows.push({
      label: `DOMAIN_SHARED first sync (${LARGE.toLocaleString('en-US')}, 5 ms)`,
      figures: {
        status: large.status,
        created: large.created,
        'Google calls': { value: sum(google.sharedContacts.callsByMethod) - calls, target: { op: '<=', value: LARGE / 100 + 10 } },
        'wall s': { value: large.wallMs / 1000, digits: 1 },
        'peak RSS MB': { value: large.peakRssMb, digits: 0, target: { op: '<=', value: 256 } },
      },
      details: { error: large.error },
    });
    await gw.stop();
    return rows;
  },
};
