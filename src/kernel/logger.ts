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
];

/**
 * The process logger (pino): JSON lines on stdout, or with `format` "pretty" one readable line
 * per entry (pino-pretty, written synchronously so that nothing is lost on process.exit).
 */
export function createLogger(level: string, destination?: pino.DestinationStream, format: 'json' | 'pretty' = 'json'): Logger {
  const options: pino.LoggerOptions = { level, base: { pid: process.pid }, redact: { paths: REDACT, censor: '[redacted]' } };
  if (format === 'pretty') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { prettyFactory } = require('pino-pretty') as typeof import('pino-pretty');
    const out = (destination ?? process.stdout) as pino.DestinationStream & { isTTY?: boolean };
    const prettify = prettyFactory({ colorize: out.isTTY === true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
    return pino(options, { write: (line: string) => out.write(prettify(line)) });
  }
  return pino(options, destination);
}
