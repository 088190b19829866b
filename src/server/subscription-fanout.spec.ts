import { describe, expect, it } from 'vitest';
import { groupCaller, groupKey } from './subscription-fanout';

describe('subscription groups', () => {
  const caller = (tenant: string, roles: ('admin' | 'user')[], sub: string) => ({ tenant, roles, sub });

  it('keys by document, operation, variables, tenant and roles, not by the user', () => {
    const key = groupKey('1', caller('t1', ['user'], 'ann'), null, { id: 'r1' });
    expect(groupKey('1', caller('t1', ['user'], 'bob'), null, { id: 'r1' })).toBe(key);
    expect(groupKey('1', caller('t1', ['user', 'user'], 'bob'), undefined, { id: 'r1' })).toBe(key);
    expect(groupKey('1', caller('t2', ['user'], 'ann'), null, { id: 'r1' })).not.toBe(key);
    expect(groupKey('1', caller('t1', ['admin'], 'ann'), null, { id: 'r1' })).not.toBe(key);
    expect(groupKey('1', caller('t1', ['user'], 'ann'), null, { id: 'r2' })).not.toBe(key);
    expect(groupKey('1', caller('t1', ['user'], 'ann'), 'Named', { id: 'r1' })).not.toBe(key);
    expect(groupKey('2', caller('t1', ['user'], 'ann'), null, { id: 'r1' })).not.toBe(key);
    // Roles in any order are the same roles.
    expect(groupKey('1', caller('t1', ['user', 'admin'], 'a'), null, {})).toBe(groupKey('1', caller('t1', ['admin', 'user'], 'b'), null, {}));
  });

  it("executes with the group's tenant and roles, and refuses to tell a sub", () => {
    const c = groupCaller('t1', ['user']);
    expect(c.tenant).toBe('t1');
    expect(c.roles).toEqual(['user']);
    expect(() => c.sub).toThrow(/caller’s sub/);
    expect(JSON.stringify(c)).toBe('{"tenant":"t1","roles":["user"]}');
  });
});
