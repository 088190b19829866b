import { DatabaseError } from 'pg';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

function sink() {
  const lines: string[] = [];
  return { lines, stream: { write: (s: string) => void lines.push(s) } };
}

describe('createLogger', () => {
  it('writes JSON lines by default', () => {
    const { lines, stream } = sink();
    createLogger('info', stream).info({ tenant: 'acme' }, 'hello');
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, tenant: 'acme', msg: 'hello' });
  });

  it('writes readable lines with the pretty format, at once, and still redacts', () => {
    const { lines, stream } = sink();
    const log = createLogger('info', stream, 'pretty');
    log.warn({ tenant: 'acme', password: 'hunter2' }, 'careful');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] WARN: careful\n {4}tenant: "acme"\n {4}password: "\[redacted\]"\n$/);
    expect(lines[0]).not.toContain('hunter2');
    log.debug('below the level');
    expect(lines).toHaveLength(1);
  });
});

function captureJson() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      lines.push(JSON.parse(chunk.toString()));
      cb();
    },
  });
  return { log: createLogger('info', sink), lines };
}

/** What the SQL client throws: the statement with its values inlined, then PostgreSQL's message. */
function uniqueViolation(): DatabaseError {
  const err = new DatabaseError(`insert into "employee" ("email") values ('ana@example.com') - duplicate key value violates unique constraint "employee_email_key"`, 0, 'error');
  Object.assign(err, { severity: 'ERROR', code: '23505', routine: '_bt_check_unique', constraint: 'employee_email_key', table: 'employee', detail: 'Key (email)=(ana@example.com) already exists.' });
  return err;
}

describe('logged errors', () => {
  it('logs a failed SQL statement without the statement or its values', () => {
    const { log, lines } = captureJson();
    log.error({ err: uniqueViolation() }, 'request failed');
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain('ana@example.com');
    expect(text).not.toContain('insert into');
    expect(lines[0]!.err).toMatchObject({
      code: '23505',
      constraint: 'employee_email_key',
      table: 'employee',
      message: 'duplicate key value violates unique constraint "employee_email_key" (SQL statement not logged)',
    });
  });

  it('also when the database error is the cause of another error', () => {
    const { log, lines } = captureJson();
    log.error({ err: new Error('could not save', { cause: uniqueViolation() }) }, 'failed');
    expect(JSON.stringify(lines[0])).not.toContain('ana@example.com');
    expect(String((lines[0]!.err as { message: string }).message)).toContain('could not save');
  });

  it('leaves other errors as they are, and redacts secrets', () => {
    const { log, lines } = captureJson();
    log.error({ err: new Error('Google did not answer - try again'), clientSecret: 's3cr3t' }, 'x');
    expect((lines[0]!.err as { message: string }).message).toBe('Google did not answer - try again');
    expect(lines[0]!.clientSecret).toBe('[redacted]');
  });
});
