import { shareEmployeeCalendars } from '../helpers/google-domain';
import { startGoogleEmulator, type GoogleEmulator } from './index';

/**
 * Standalone emulator (`npm run emulator`): PORT (default 4400), HOST (default 127.0.0.1);
 * EMULATOR_CLIENT_ID + EMULATOR_CLIENT_SECRET pre-register one OAuth client that may redirect to
 * any http://localhost / 127.0.0.1 / [::1] URI (plus the exact URIs of EMULATOR_REDIRECT_URIS,
 * comma-separated); EMULATOR_USERS (comma-separated emails) makes them users of the domain (their
 * domains added as secondary domains) who shared their calendars with admin@example.com as
 * writers, as employees of a customer would; EMULATOR_LOG=1 logs each request to stderr. The variables that point the
 * gateway here go to stdout, one `NAME=value` a line; everything else goes to stderr.
 */
async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 4400);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`PORT must be an integer between 0 and 65535, got "${process.env.PORT}"\n`);
    process.exit(2);
  }
  const host = process.env.HOST?.trim() || '127.0.0.1';
  const log = process.env.EMULATOR_LOG === '1' || process.env.EMULATOR_LOG === 'true';
  const clientId = process.env.EMULATOR_CLIENT_ID?.trim();
  const clientSecret = process.env.EMULATOR_CLIENT_SECRET?.trim();
  if (Boolean(clientId) !== Boolean(clientSecret)) {
    process.stderr.write('google-emulator: set both EMULATOR_CLIENT_ID and EMULATOR_CLIENT_SECRET to register a client\n');
    process.exit(2);
  }
  const users = (process.env.EMULATOR_USERS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const redirectUris = (process.env.EMULATOR_REDIRECT_URIS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

  let emulator: GoogleEmulator | null = null;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`google-emulator: ${signal}, stopping\n`);
    setTimeout(() => process.exit(1), 5000).unref();
    (emulator ? emulator.close() : Promise.resolve()).then(
      () => process.exit(0),
      (err) => {
        process.stderr.write(`google-emulator: error while stopping: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  try {
    emulator = await startGoogleEmulator({
      port,
      host,
      // Nobody reads them in a standalone process: keeping them would only grow memory.
      recordRequests: false,
      onRequest: log ? (r) => process.stderr.write(`${r.at.toISOString()} ${r.status} ${r.method} ${r.path}\n`) : undefined,
    });
  } catch (err) {
    process.stderr.write(`google-emulator: could not listen on ${host}:${port}: ${(err as Error).message}\n`);
    process.exit(1);
  }
  if (stopping) return;

  if (clientId && clientSecret) {
    try {
      emulator.registerClient({ clientId, clientSecret, redirectUris, allowLoopbackRedirects: true });
    } catch (err) {
      process.stderr.write(`google-emulator: EMULATOR_REDIRECT_URIS: ${(err as Error).message}\n`);
      await emulator.close();
      process.exit(2);
    }
  }

  try {
    shareEmployeeCalendars(emulator, users);
  } catch (err) {
    process.stderr.write(`google-emulator: EMULATOR_USERS: ${(err as Error).message}\n`);
    await emulator.close();
    process.exit(2);
  }

  for (const [name, value] of Object.entries(emulator.env)) process.stdout.write(`${name}=${value}\n`);
  process.stderr.write(
    `\nGoogle emulator listening at ${emulator.url}\n` +
      (clientId
        ? `OAuth client "${clientId}" registered (redirects: any http://localhost or 127.0.0.1 URI${redirectUris.length ? ` and ${redirectUris.join(', ')}` : ''}).\n`
        : 'No OAuth client registered: set EMULATOR_CLIENT_ID and EMULATOR_CLIENT_SECRET, or embed the emulator with\n' +
          "  const emulator = await startGoogleEmulator(); emulator.registerClient({ clientId, clientSecret, redirectUris: ['http://127.0.0.1:4000/oauth/callback'] });\n") +
      'Consent screens approve every requested scope as admin@example.com (sub 1000).\n' +
      `Calendar API v3: googleapis with rootUrl ${emulator.url}/. Calendars are reachable as in Google: each user's own, and those shared with them\n` +
      `(users: ${['admin@example.com', ...users].join(', ')}${users.length ? '; the others shared theirs with the admin' : '; add more with EMULATOR_USERS'}). Ctrl-C to stop.\n\n`,
  );
}

void main();
