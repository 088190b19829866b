import { startGoogleEmulator, type GoogleEmulator } from '../google-emulator';
import { PROBE_PATH, PROBE_SCOPE, probeModule } from '../fixtures/google-probe';
import { gql } from './client';
import { startTestGateway, type TestGateway, type TestGatewayOptions } from './gateway';

export { shareEmployeeCalendars } from './google-domain';

export const CLIENT_ID = '123-gateway.apps.googleusercontent.com';
export const CLIENT_SECRET = 'GOCSPX-very-secret-client-value';

export interface GoogleTestBed {
  gw: TestGateway;
  google: GoogleEmulator;
  admin: string;
  stop(): Promise<void>;
}

/** A gateway wired to a fresh Google emulator, with the probe module (it needs Google scopes). */
export async function startGoogleTestBed(options: TestGatewayOptions = {}): Promise<GoogleTestBed> {
  const google = await startGoogleEmulator();
  google.route('GET', new RegExp(`^${PROBE_PATH}$`), (req, res) => {
    const auth = google.authenticate(req, PROBE_SCOPE);
    if ('account' in auth) google.sendJson(res, 200, { email: auth.account.email });
    else google.sendApiError(res, auth);
  });
  const gw = await startTestGateway({
    ...options,
    extraModules: [probeModule, ...(options.extraModules ?? [])],
    env: { ...google.env, ...options.env },
  });
  // PUBLIC_URL defaults to http://localhost:PORT of the config (port 0 in tests): register what the gateway sends.
  const redirectUri = `${gw.gateway.services.config.publicUrl}/oauth/google/callback`;
  google.registerClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [redirectUri] });
  const admin = await gw.token('acme', ['admin'], 'admin-1');
  return {
    gw,
    google,
    admin,
    stop: async () => {
      await gw.stop();
      await google.close();
    },
  };
}

export async function setCredentials(bed: GoogleTestBed, token = bed.admin, clientId = CLIENT_ID, clientSecret = CLIENT_SECRET) {
  return gql<{ setGoogleClientCredentials: { status: string } }>(bed.gw.url, 'mutation($i: SetGoogleClientCredentialsInput!) { setGoogleClientCredentials(input: $i) { status clientId } }', {
    token,
    variables: { i: { clientId, clientSecret } },
  });
}

export async function requestAuthorization(bed: GoogleTestBed, token = bed.admin) {
  const res = await gql<{ requestGoogleAuthorization: { url: string; state: string; expiresAt: string } }>(bed.gw.url, 'mutation { requestGoogleAuthorization { url state expiresAt } }', { token });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!.requestGoogleAuthorization;
}

/** The admin's browser: opens Google's consent URL and is sent back to our redirect URL (not followed). */
export async function consent(url: string): Promise<URL> {
  const res = await fetch(url, { redirect: 'manual' });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`consent did not redirect: ${res.status} ${await res.text()}`);
  return new URL(location);
}

/** Follows the redirect to the gateway's callback (the port of the live server replaces PUBLIC_URL's). */
export async function followCallback(bed: GoogleTestBed, redirect: URL): Promise<{ status: number; html: string }> {
  const res = await fetch(`${bed.gw.origin}${redirect.pathname}${redirect.search}`);
  return { status: res.status, html: await res.text() };
}

/** The whole happy path: credentials → authorization URL → consent → callback. */
export async function connectGoogle(bed: GoogleTestBed): Promise<void> {
  await setCredentials(bed);
  const { url } = await requestAuthorization(bed);
  const cb = await followCallback(bed, await consent(url));
  if (cb.status !== 200) throw new Error(`callback failed: ${cb.html}`);
}
