import { describe, expect, it } from 'vitest';
import { DomainError } from '../../kernel/errors';
import { contentHash, type PushedContact } from './contact-content';
import { decodeContactCursor, encodeContactCursor } from './contact-cursor';
import { contactFields, e164 } from './contact-validation';
import { ContactEmailType, ContactPhoneType } from './contact.types';
import { batchXml, entryNode, parseBatch, parseEntry, parseFeed } from './dsc-xml';

const contact: PushedContact = {
  id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  givenName: 'Ștefan "Ăla"',
  middleName: null,
  familyName: 'Îndărătnicu & <Fiii>',
  displayName: 'Ștefan "Ăla" Îndărătnicu & <Fiii>',
  company: "Ţuică & Co 'SRL'",
  jobTitle: null,
  department: null,
  emails: [{ type: ContactEmailType.WORK, address: 'a@b.ro', primary: true }],
  phoneNumbers: [{ type: ContactPhoneType.MOBILE, number: '0722 123 456', e164: '+40722123456' }],
  addresses: [],
  website: null,
  notes: 'a < b && c > d',
  birthday: '1990-02-03',
};

describe('contact cursors', () => {
  it('round-trip and refuse anything that is not exactly [tag, string, uuid]', () => {
    const c = { displayName: 'Ana', id: contact.id };
    expect(decodeContactCursor(encodeContactCursor(c))).toEqual(c);
    const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const bad of [enc(['contacts.v1', { $ne: 1 }, contact.id]), enc(['contacts.v1', 'a', 'x']), enc(['contacts.v1', 1, contact.id]), enc(['other', 'a', contact.id]), 'a.b', '']) {
      expect(() => decodeContactCursor(bad)).toThrow(DomainError);
    }
  });
});

describe('contact validation', () => {
  it('names the field at fault', () => {
    const field = (input: object) => {
      try {
        contactFields(input, 'RO');
      } catch (err) {
        return (err as DomainError).details.field;
      }
      return null;
    };
    expect(field({})).toBe('givenName');
    expect(field({ company: 'A', emails: [{ address: 'ok@x.ro' }, { address: 'bad' }] })).toBe('emails[1].address');
    expect(field({ company: 'A', phoneNumbers: [{ number: '+40 (722) 123-456' }, { number: 'abc' }] })).toBe('phoneNumbers[1].number');
    expect(field({ company: 'A', addresses: [{ countryCode: 'rou' }] })).toBe('addresses[0].countryCode');
  });

  it('derives E.164 with the default country, and only for valid numbers', () => {
    expect(e164('0722 123 456', 'RO')).toBe('+40722123456');
    expect(e164('+44 20 7946 0958', 'RO')).toBe('+442079460958');
    expect(e164('12345', 'RO')).toBeNull();
  });
});

describe('Domain Shared Contacts XML', () => {
  it('escapes every value and reads it back exactly', () => {
    const xml = batchXml([{ batchId: contact.id, type: 'insert', node: entryNode(contact, 'acme') }]);
    expect(xml).not.toContain('<Fiii>');
    expect(xml).toContain('&amp; &lt;Fiii&gt;');
    const entry = parseFeed(xml).entries[0]!;
    expect(entry).toMatchObject({ erpContactId: contact.id, erpTenant: 'acme' });
    const name = entry.raw['gd:name'] as Record<string, string>;
    expect(name['gd:givenName']).toBe(contact.givenName);
    expect(name['gd:familyName']).toBe(contact.familyName);
  });

  it('reads batch statuses and single entries, numeric character references included', () => {
    const res = `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:batch="http://schemas.google.com/gdata/batch" xmlns:gd="http://schemas.google.com/g/2005">
      <entry gd:etag="&quot;Q&amp;.&quot;"><batch:id>a</batch:id><batch:status code="201" reason="Created"/><id>http://x/base/1</id></entry>
      <entry><batch:id>b</batch:id><batch:status code="412" reason="Etags mismatch"/></entry></feed>`;
    expect(parseBatch(res)).toEqual([
      expect.objectContaining({ batchId: 'a', code: 201, entry: expect.objectContaining({ id: 'http://x/base/1', etag: '"Q&."' }) }),
      expect.objectContaining({ batchId: 'b', code: 412, reason: 'Etags mismatch', entry: null }),
    ]);
    const one = parseEntry(
      '<entry xmlns="http://www.w3.org/2005/Atom" xmlns:gd="http://schemas.google.com/g/2005" gd:etag="e1"><id>i</id><gd:extendedProperty name="erpTenant" value="&#x219;"/></entry>',
    );
    expect(one).toMatchObject({ id: 'i', etag: 'e1', erpTenant: 'ș' });
  });

  it('hashes what is pushed: the same contact, the same hash; any field changed, another', () => {
    expect(contentHash(contact, 'DOMAIN_SHARED')).toBe(contentHash({ ...contact }, 'DOMAIN_SHARED'));
    expect(contentHash({ ...contact, notes: 'x' }, 'DOMAIN_SHARED')).not.toBe(contentHash(contact, 'DOMAIN_SHARED'));
    expect(contentHash(contact, 'USER_GROUP')).not.toBe(contentHash(contact, 'DOMAIN_SHARED'));
  });
});
