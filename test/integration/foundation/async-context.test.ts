import { ValidationError } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { AsyncLocalStorage } from 'node:async_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrm } from '../../../src/db/orm';
import { Tenant } from '../../../src/db/tenant.entity';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';

/**
 * MikroORM's async context is explicit-only (src/db/async-context.ts): flushes and transactions
 * enable no AsyncLocalStorage (on Node 20 one enabled store hooks every promise of the process),
 * and they still work through the fork they are handed.
 */
let db: TestDatabase;
let orm: MikroORM;

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await createOrm(db.url, []);
});
afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

/** Counts the AsyncLocalStorage entries (run, enterWith) made while `work` runs. */
async function storesEnteredDuring(work: () => Promise<void>): Promise<number> {
  const prototype = AsyncLocalStorage.prototype;
  const { run, enterWith } = prototype;
  let entered = 0;
  prototype.run = function (this: AsyncLocalStorage<unknown>, ...args: Parameters<typeof run>) {
    entered++;
    return run.apply(this, args);
  } as typeof run;
  prototype.enterWith = function (this: AsyncLocalStorage<unknown>, store: unknown) {
    entered++;
    enterWith.call(this, store);
  };
  try {
    await work();
  } finally {
    prototype.run = run;
    prototype.enterWith = enterWith;
  }
  return entered;
}

describe('MikroORM without async context hooks', () => {
  it('flushes, transactions and reads enter no AsyncLocalStorage', async () => {
    const entered = await storesEnteredDuring(async () => {
      const em = orm.em.fork();
      em.create(Tenant, { id: 'ctx-a', timeZone: 'UTC', createdAt: new Date() });
      await em.flush();
      await orm.em.fork().transactional(async (tx) => {
        const tenant = await tx.findOneOrFail(Tenant, 'ctx-a');
        tenant.timeZone = 'Europe/Paris';
        tx.create(Tenant, { id: 'ctx-b', timeZone: 'UTC', createdAt: new Date() });
      });
      await orm.em.fork().find(Tenant, {});
    });
    expect(entered).toBe(0);
    const rows = await orm.em.fork().find(Tenant, { id: { $in: ['ctx-a', 'ctx-b'] } }, { orderBy: { id: 'asc' } });
    expect(rows.map((t) => [t.id, t.timeZone])).toEqual([
      ['ctx-a', 'Europe/Paris'],
      ['ctx-b', 'UTC'],
    ]);
  });

  it('a failed transaction writes nothing', async () => {
    await expect(
      orm.em.fork().transactional(async (tx) => {
        tx.create(Tenant, { id: 'ctx-rolled-back', timeZone: 'UTC', createdAt: new Date() });
        await tx.flush();
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await orm.em.fork().count(Tenant, { id: 'ctx-rolled-back' })).toBe(0);
  });

  it('the global EntityManager inside a transaction refuses instead of silently joining it', async () => {
    await orm.em.fork().transactional(async () => {
      await expect(orm.em.find(Tenant, {})).rejects.toBeInstanceOf(ValidationError);
    });
  });
});
