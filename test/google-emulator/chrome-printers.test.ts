import { CodeChallengeMethod, OAuth2Client } from 'google-auth-library';
import { admin, type admin_directory_v1 } from 'googleapis/build/src/apis/admin';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CALENDAR_EVENTS_SCOPE, CHROME_PRINTERS_READONLY_SCOPE, CHROME_PRINTERS_SCOPE, startGoogleEmulator, type ChromePrinter, type GoogleEmulator } from './index';

const CLIENT = { clientId: '123-gateway.apps.googleusercontent.com', clientSecret: 'GOCSPX-emulator-secret', redirectUris: ['http://127.0.0.1:4000/google/callback'] };

let emulator: GoogleEmulator;

beforeAll(async () => {
  emulator = await startGoogleEmulator();
  emulator.registerClient(CLIENT);
});
afterAll(() => emulator?.close());
beforeEach(() => emulator.reset());

/** A googleapis Admin Directory client with a token from the emulator's OAuth flow. */
async function connect(scope: string[]): Promise<admin_directory_v1.Admin> {
  const auth = new OAuth2Client({ clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, redirectUri: CLIENT.redirectUris[0], endpoints: emulator.oauth2ClientEndpoints });
  const { codeVerifier, codeChallenge } = await auth.generateCodeVerifierAsync();
  const consent = await fetch(auth.generateAuthUrl({ access_type: 'offline', scope, code_challenge_method: CodeChallengeMethod.S256, code_challenge: codeChallenge }), { redirect: 'manual' });
  const code = new URL(consent.headers.get('location')!).searchParams.get('code')!;
  const { tokens } = await auth.getToken({ code, codeVerifier });
  auth.setCredentials(tokens);
  return admin({ version: 'directory_v1', auth, rootUrl: `${emulator.url}/`, retry: false });
}

const printers = (n: number): ChromePrinter[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `p${String(i).padStart(4, '0')}`,
    displayName: `Printer ${i}`,
    uri: `ipp://10.0.0.${i % 250}:631/ipp/print`,
    orgUnitId: 'ou-1',
    makeAndModel: 'HP LaserJet',
  }));

describe('Chrome printer management (Admin SDK Directory v1)', () => {
  it('lists the printers page by page, each once, with Google’s resource names', async () => {
    emulator.chromePrinters.setPrinters(printers(230));
    const client = await connect([CHROME_PRINTERS_READONLY_SCOPE]);
    const seen: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const res = await client.customers.chrome.printers.list({ parent: 'customers/my_customer', pageSize: 100, pageToken });
      pages++;
      expect(res.data.printers!.length).toBeLessThanOrEqual(100);
      seen.push(...res.data.printers!.map((p) => p.id!));
      pageToken = res.data.nextPageToken ?? undefined;
    } while (pageToken);
    expect(pages).toBe(3);
    expect(seen).toEqual(printers(230).map((p) => p.id));
    const one = (await client.customers.chrome.printers.list({ parent: 'customers/my_customer', pageSize: 1 })).data.printers![0]!;
    expect(one).toMatchObject({ id: 'p0000', displayName: 'Printer 0', uri: 'ipp://10.0.0.0:631/ipp/print', orgUnitId: 'ou-1' });
    expect(one.name).toMatch(/^customers\/[^/]+\/chrome\/printers\/p0000$/);
  });

  it('caps the page size at 100 and refuses a forged page token', async () => {
    emulator.chromePrinters.setPrinters(printers(150));
    const client = await connect([CHROME_PRINTERS_SCOPE]);
    const first = await client.customers.chrome.printers.list({ parent: 'customers/my_customer', pageSize: 1000 });
    expect(first.data.printers).toHaveLength(100);
    const forged = Buffer.from('printers:5:nope').toString('base64url');
    await expect(client.customers.chrome.printers.list({ parent: 'customers/my_customer', pageToken: forged })).rejects.toMatchObject({ response: { status: 400 } });
  });

  it('lists print servers, paged the same way', async () => {
    emulator.chromePrinters.setPrintServers([
      { id: 's1', displayName: 'HQ CUPS', uri: 'ipps://cups.hq.example:631' },
      { id: 's2', displayName: 'Branch', uri: 'ipp://10.1.0.5:631' },
    ]);
    const client = await connect([CHROME_PRINTERS_READONLY_SCOPE]);
    const first = await client.customers.chrome.printServers.list({ parent: 'customers/my_customer', pageSize: 1 });
    expect(first.data.printServers!.map((s) => s.id)).toEqual(['s1']);
    const second = await client.customers.chrome.printServers.list({ parent: 'customers/my_customer', pageSize: 1, pageToken: first.data.nextPageToken! });
    expect(second.data.printServers!.map((s) => s.id)).toEqual(['s2']);
    expect(second.data.nextPageToken).toBeFalsy();
  });

  it('needs the Chrome printers scope and the caller’s own customer', async () => {
    const calendarOnly = await connect([CALENDAR_EVENTS_SCOPE]);
    await expect(calendarOnly.customers.chrome.printers.list({ parent: 'customers/my_customer' })).rejects.toMatchObject({
      response: { status: 403, data: { error: { errors: [{ reason: 'insufficientPermissions' }] } } },
    });
    const client = await connect([CHROME_PRINTERS_READONLY_SCOPE]);
    await expect(client.customers.chrome.printers.list({ parent: 'customers/C999other' })).rejects.toMatchObject({ response: { status: 403 } });
    expect(emulator.chromePrinters.calls.printers).toBe(2);
  });
});
