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
