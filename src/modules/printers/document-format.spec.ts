import { describe, expect, it } from 'vitest';
import { formatSupported, sniffDocumentFormat } from './document-format';

const b = (s: string | number[]) => (typeof s === 'string' ? Buffer.from(s, 'utf8') : Buffer.from(s));

describe('sniffDocumentFormat', () => {
  it.each([
    ['%PDF-1.7\n%âãÏÓ', 'application/pdf'],
    ['%!PS-Adobe-3.0\n', 'application/postscript'],
    ['\uFEFF%!PS-Adobe-3.0\n', 'application/postscript'],
    ['RaS2PwgRaster', 'image/pwg-raster'],
    ['UNIRAST\0', 'image/urf'],
    ['GIF89a....', 'image/gif'],
    ['Hello, printer.\nSecond line\twith a tab\fnew page\r\n', 'text/plain'],
    ['Zürich, Ελλάδα, 東京\n', 'text/plain'],
  ])('%j is %s', (head, type) => expect(sniffDocumentFormat(b(head), true)).toBe(type));

  it('knows images and PCL by their signatures', () => {
    expect(sniffDocumentFormat(b([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), true)).toBe('image/png');
    expect(sniffDocumentFormat(b([0xff, 0xd8, 0xff, 0xe0, 0, 16]), true)).toBe('image/jpeg');
    expect(sniffDocumentFormat(b([0x49, 0x49, 0x2a, 0x00, 8, 0]), true)).toBe('image/tiff');
    expect(sniffDocumentFormat(b([0x1b, 0x45, 0x1b, 0x26]), true)).toBe('application/vnd.hp-pcl');
  });

  it('refuses binary it does not know, empty documents and invalid UTF-8', () => {
    expect(sniffDocumentFormat(b([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), true)).toBeNull(); // ZIP
    expect(sniffDocumentFormat(b([0x7f, 0x45, 0x4c, 0x46, 2, 1]), true)).toBeNull(); // ELF
    expect(sniffDocumentFormat(Buffer.alloc(0), true)).toBeNull();
    expect(sniffDocumentFormat(b([0x41, 0xff, 0xfe, 0x41]), true)).toBeNull();
    expect(sniffDocumentFormat(b('text with a NUL\0 byte'), true)).toBeNull();
  });

  it('accepts a multi-byte character cut by the end of a partial head, not of a whole document', () => {
    const cut = Buffer.from('abc é', 'utf8').subarray(0, 5); // "abc " + first byte of é
    expect(sniffDocumentFormat(cut, false)).toBe('text/plain');
    expect(sniffDocumentFormat(cut, true)).toBeNull();
  });
});

describe('formatSupported', () => {
  it('takes exact entries and type wildcards only', () => {
    expect(formatSupported('application/pdf', ['application/pdf', 'text/plain'])).toBe(true);
    expect(formatSupported('image/png', ['application/pdf', 'image/*'])).toBe(true);
    expect(formatSupported('image/png', ['application/pdf', 'application/octet-stream'])).toBe(false);
    expect(formatSupported('text/plain', [])).toBe(false);
  });
});
