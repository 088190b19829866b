import { describe, expect, it } from 'vitest';
import { DomainError } from '../../kernel/errors';
import { printServerUri } from './print-server.service';

describe('printServerUri', () => {
  it.each([
    ['ipp://CUPS.Example.com:631/', 'ipp://cups.example.com:631'],
    ['ipps://print.example.com', 'ipps://print.example.com'],
    ['http://10.0.0.5:631/printers', 'http://10.0.0.5:631/printers'],
    ['https://[::1]:8631', 'https://[::1]:8631'],
  ])('%s → %s', (given, normalized) => expect(printServerUri(given)).toBe(normalized));

  it.each(['ftp://print.example.com', 'ipp:/no-host', 'ipp:nohost', 'lpd://host', 'ipp://u:p@host', 'ipp://host/?q=1', 'ipp://host/#x', 'no uri', ''])('refuses %j', (uri) => {
    expect(() => printServerUri(uri)).toThrow(DomainError);
    try {
      printServerUri(uri);
    } catch (err) {
      expect((err as DomainError).code).toBe('BAD_USER_INPUT');
      expect((err as DomainError).details.field).toBe('uri');
    }
  });
});
