import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where Debian's cups and cups-client put their programs. */
const CUPSD = ['/usr/sbin/cupsd', '/usr/local/sbin/cupsd'].find((p) => existsSync(p)) ?? null;

/** Why the CUPS tests cannot run here, or null when they can. */
export function cupsUnavailableReason(): string | null {
  if (!CUPSD) return 'cupsd is not installed (apt-get install cups cups-client)';
  for (const tool of ['lpadmin', 'cupsdisable', 'cupsreject']) {
    if (!['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin'].some((d) => existsSync(join(d, tool)))) return `${tool} is not installed (apt-get install cups-client)`;
  }
  return null;
}

/**
 * Whether a test file that needs CUPS runs. Without CUPS it is skipped with the reason printed,
 * except under CI=true, where a missing CUPS fails the run (CI must run these tests).
 */
export function cupsAvailable(): boolean {
  const reason = cupsUnavailableReason();
  if (!reason) return true;
  if (process.env.CI === 'true') throw new Error(`CI=true but the CUPS tests cannot run: ${reason}`);
  console.warn(`[cups] skipping the tests that need a real print server: ${reason}`);
  return false;
}

export interface QueueSpec {
  name: string;
  /** `stopped`: cupsdisable (accepts jobs, leaves them pending); `rejecting`: cupsreject. */
  state?: 'normal' | 'stopped' | 'rejecting';
  location?: string;
  info?: string;
}

/** A private cupsd: its own folder, port and queues; stopped and removed by stop(). */
export interface TestCups {
  /** `ipp://127.0.0.1:PORT` (no trailing slash). */
  url: string;
  host: string;
  port: number;
  dir: string;
  queueUri(name: string): string;
  addQueue(spec: QueueSpec): Promise<void>;
  deleteQueue(name: string): Promise<void>;
  /** Runs a CUPS command-line tool against this server (`-h 127.0.0.1:PORT` is added). */
  admin(tool: string, args: string[]): Promise<string>;
  /** Stops cupsd (the folder stays until stop()); start() brings it back on the same port. */
  kill(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  errorLog(): string;
  /** IPP requests (POSTs) cupsd has logged so far. */
  ippRequests(): number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function answers(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts cupsd in the foreground with a configuration in a temporary folder (own port on
 * 127.0.0.1, own spool, cache, state and logs; anonymous IPP from localhost) and adds the queues:
 * raw queues on file:///dev/null, which cupsd allows without FileDevice.
 */
export async function startTestCups(queues: QueueSpec[] = []): Promise<TestCups> {
  const reason = cupsUnavailableReason();
  if (reason) throw new Error(reason);
  const dir = mkdtempSync(join(tmpdir(), 'gw-cups-'));
  chmodSync(dir, 0o755);
  for (const sub of ['spool', 'spool/tmp', 'cache', 'state', 'log', 'ppd']) mkdirSync(join(dir, sub), { recursive: true });
  // As root, cupsd drops to lp for its helpers; as another user it runs everything as that user.
  const root = process.getuid?.() === 0;
  const lp = root ? lpIds() : null;
  if (lp) {
    for (const sub of ['spool', 'spool/tmp', 'cache']) chownSync(join(dir, sub), 0, lp.gid);
    chmodSync(join(dir, 'spool'), 0o710);
    chmodSync(join(dir, 'spool/tmp'), 0o1770);
    chmodSync(join(dir, 'cache'), 0o770);
  }
  const port = await freePort();
  const allowLocal = `  Order allow,deny\n  Allow from 127.0.0.1\n`;
  writeFileSync(
    join(dir, 'cupsd.conf'),
    [
      `Listen 127.0.0.1:${port}`,
      'LogLevel warn',
      'DefaultAuthType None',
      'Browsing No',
      'WebInterface No',
      'MaxJobs 0',
      'MaxClients 1000',
      'MaxClientsPerHost 1000',
      // Every request in access_log, so that benchmarks can count the IPP calls the gateway made.
      'AccessLogLevel all',
      'PreserveJobHistory Yes',
      `<Location />\n${allowLocal}</Location>`,
      `<Location /admin>\n${allowLocal}</Location>`,
      `<Policy default>\n  JobPrivateAccess all\n  JobPrivateValues none\n  SubscriptionPrivateAccess all\n  SubscriptionPrivateValues none\n  <Limit All>\n${allowLocal}  </Limit>\n</Policy>`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'cups-files.conf'),
    [
      ...(lp ? ['User lp', 'Group lp'] : []),
      'SystemGroup root lpadmin',
      `ServerRoot ${dir}`,
      `RequestRoot ${join(dir, 'spool')}`,
      `CacheDir ${join(dir, 'cache')}`,
      `StateDir ${join(dir, 'state')}`,
      `TempDir ${join(dir, 'spool/tmp')}`,
      `ErrorLog ${join(dir, 'log/error_log')}`,
      `AccessLog ${join(dir, 'log/access_log')}`,
      `PageLog ${join(dir, 'log/page_log')}`,
      '',
    ].join('\n'),
  );

  let child: ChildProcess | null = null;
  const host = `127.0.0.1:${port}`;
  const errorLog = () => {
    try {
      return readFileSync(join(dir, 'log/error_log'), 'utf8');
    } catch {
      return '';
    }
  };
  const start = async () => {
    let output = '';
    const proc = spawn(CUPSD!, ['-f', '-c', join(dir, 'cupsd.conf'), '-s', join(dir, 'cups-files.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout.on('data', (d: Buffer) => (output += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (output += d.toString()));
    let exited = false;
    proc.once('exit', () => (exited = true));
    child = proc;
    await waitFor(
      async () => {
        if (exited) throw new Error(`cupsd exited at start: ${output}${errorLog()}`);
        return answers(port);
      },
      15_000,
      'cupsd to answer',
    );
  };
  const kill = async () => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    const force = setTimeout(() => proc.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(force);
    await waitFor(async () => !(await answers(port)), 5000, 'cupsd to stop answering');
  };
  const admin = async (tool: string, args: string[]) => (await run(tool, ['-h', host, ...args], { timeout: 15_000 })).stdout;
  const addQueue = async (spec: QueueSpec) => {
    const args = ['-p', spec.name, '-E', '-v', 'file:///dev/null'];
    if (spec.location) args.push('-L', spec.location);
    if (spec.info) args.push('-D', spec.info);
    await admin('lpadmin', args);
    if (spec.state === 'stopped') await admin('cupsdisable', [spec.name]);
    if (spec.state === 'rejecting') await admin('cupsreject', [spec.name]);
  };

  await start();
  for (const q of queues) await addQueue(q);
  return {
    url: `ipp://${host}`,
    host: '127.0.0.1',
    port,
    dir,
    queueUri: (name) => `ipp://${host}/printers/${encodeURIComponent(name)}`,
    addQueue,
    deleteQueue: async (name) => void (await admin('lpadmin', ['-x', name])),
    admin,
    kill,
    start,
    stop: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
    errorLog,
    ippRequests: () => {
      try {
        return readFileSync(join(dir, 'log/access_log'), 'utf8')
          .split('\n')
          .filter((l) => l.includes('"POST ')).length;
      } catch {
        return 0;
      }
    },
  };
}

function lpIds(): { uid: number; gid: number } | null {
  try {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('lp:'));
    if (!line) return null;
    const [, , uid, gid] = line.split(':');
    return { uid: Number(uid), gid: Number(gid) };
  } catch {
    return null;
  }
}

/** The usual three queues: a working one, a stopped one (cupsdisable) and one refusing jobs (cupsreject). */
export const STANDARD_QUEUES: QueueSpec[] = [
  { name: 'office', location: 'Floor 1', info: 'Office laser' },
  { name: 'paused', state: 'stopped', info: 'Paused queue' },
  { name: 'closed', state: 'rejecting', info: 'Closed queue' },
];
