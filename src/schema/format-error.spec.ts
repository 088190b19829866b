import { describe, expect, it } from 'vitest';
import { withoutInputValues } from './format-error';

describe('withoutInputValues', () => {
  it('drops the rejected value and keeps the reason', () => {
    expect(withoutInputValues('Variable "$i" got invalid value { clientId: "a", clientSecret: "s3cr3t", x: 1 }; Field "x" is not defined by type "In".')).toBe(
      'Variable "$i" got an invalid value; Field "x" is not defined by type "In".',
    );
    expect(withoutInputValues('Variable "$i" got invalid value 42 at "i.clientSecret"; String cannot represent a non string value: 42')).toBe(
      'Variable "$i" got an invalid value; String cannot represent a non string value',
    );
    expect(withoutInputValues('Variable "$i" got invalid value "s3cr3t"')).toBe('Variable "$i" got an invalid value');
    expect(withoutInputValues(`Variable "$i" got invalid value { clientSecret: "ab; cd" }; Expected type "In".`)).toBe(`Variable "$i" got an invalid value; Expected type "In".`);
    expect(withoutInputValues('Cannot query field "x" on type "Query".')).toBe('Cannot query field "x" on type "Query".');
  });
});
