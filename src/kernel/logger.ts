import pino, { type Logger } from 'pino';

export type { Logger };

/** Paths that must never reach a log line, whatever a caller passes in. */
const REDACT = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'clientSecret',
  '*.clientSecret',
  'refreshToken',
  '*.refreshToken',
  'accessToken',
  '*.accessToken',
  'password',
  '*.password',
  'privateKey',
  '*.privateKey',
  'keyJson',
  '*.keyJson',
];

/** Fields of PostgreSQL's errors that may quote row values ("Key (email)=(…) already exists"). */
const DB_VALUE_FIELDS = ['detail', 'where', 'internalQuery', 'parameters', 'params', 'sql', 'query'];

/** A PostgreSQL error (pg's DatabaseError, or MikroORM's DriverException around one). */
function isDatabaseError(err: unknown): err is Error & Record<string, unknown> {
  if (!(err instanceof Error)) return false;
  const e = err as Error & Record<string, unknown>;
  return (typeof e.severity === 'string' && typeof e.routine === 'string') || (e.name.endsWith('Exception') && typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code));
}

/**
 * The SQL client quotes the statement with its values inlined ("insert … values ('a@b.c') - duplicate
 * key …"): keep only the database's own words, the statement goes to no log.
 */
function withoutStatement(message: string): string {
  const cut = message.lastIndexOf(' - ');
  return cut === -1 ? message : `${message.slice(cut + 3)} (SQL statement not logged)`;
}

/** pino's error serializer, minus the SQL statements and row values that database errors carry. */
export function serializeError(err: unknown): unknown {
  const serialized: unknown = pino.stdSerializers.err(err as Error);
  if (!serialized || typeof serialized !== 'object') return serialized;
  const out = serialized as Record<string, unknown>;
  const replacements: [string, string][] = [];
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 10; e = (e as { cause?: unknown }).cause ?? (e as { previous?: unknown }).previous, depth++) {
    if (isDatabaseError(e) && e.message.includes(' - ')) replacements.push([e.message, withoutStatement(e.message)]);
  }
  if (isDatabaseError(err)) for (const f of DB_VALUE_FIELDS) delete out[f];
  for (const [raw, safe] of replacements) {
    for (const key of ['message', 'stack'] as const) if (typeof out[key] === 'string') out[key] = (out[key] as string).split(raw).join(safe);
  }
  return out;
}

/**
 * The process logger (pino): JSON lines on stdout, or with `format` "pretty" one readable line
 * per entry (pino-pretty, written synchronously so that nothing is lost on process.exit).
 */
export function createLogger(level: string, destination?: pino.DestinationStream, format: 'json' | 'pretty' = 'json'): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { pid: process.pid },
    redact: { paths: REDACT, censor: '[redacted]' },
    serializers: { err: serializeError, error: serializeError },
  };
  if (format === 'pretty') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { prettyFactory } = require('pino-pretty') as typeof import('pino-pretty');
    const out = (destination ?? process.stdout) as pino.DestinationStream & { isTTY?: boolean };
    const prettify = prettyFactory({ colorize: out.isTTY === true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
    return pino(options, { write: (line: string) => out.write(prettify(line)) });
  }
  return pino(options, destination);
}
