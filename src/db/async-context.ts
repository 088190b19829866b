import { TransactionContext } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * MikroORM keeps two things in AsyncLocalStorage: the transaction an async call chain runs in
 * (TransactionContext) and whether it runs inside a flush (a flag of its UnitOfWork module). On
 * Node 20 an AsyncLocalStorage that has run once stays enabled for the rest of the process and
 * puts an async hook on every promise the process makes: after the first flush or transaction
 * (the sync scheduler's, a minute after start) that hook took about a quarter of the gateway's CPU
 * on the `viewer` query and a fifth on the 100-task page (`--cpu-prof` of the gateway-overhead suite).
 *
 * The gateway needs neither: every transaction works on the fork it is handed
 * (`em.fork().transactional(async (em) => …)`), and forks never look up the implicit transaction;
 * no flush hook of ours uses the EntityManager (TenantWriteGuard only checks the change sets). So
 * both stores become explicit-only: `run` just calls back and `getStore` finds nothing. What
 * changes: the global `orm.em` used inside a transaction fails with MikroORM's "global context"
 * error instead of joining the transaction, and a flush hook must not use the EntityManager: a
 * flush (or a query's auto-flush) started from one would wait for the flush it runs in, forever,
 * where MikroORM refused it (no hook of ours uses it). test/integration/foundation/async-context.test.ts
 * holds this.
 */
const explicitOnly = {
  run<R>(_store: unknown, callback: (...args: unknown[]) => R, ...args: unknown[]): R {
    return callback(...args);
  },
  exit<R>(callback: (...args: unknown[]) => R, ...args: unknown[]): R {
    return callback(...args);
  },
  enterWith(): void {},
  getStore(): undefined {
    return undefined;
  },
  disable(): void {},
};

let done = false;

/**
 * Makes MikroORM's async context explicit-only, once per process (see above). Returns false when
 * the flush flag was not found (another MikroORM version): its hook then stays, which is slower, not wrong.
 */
export async function withoutAsyncContextHooks(orm: MikroORM): Promise<boolean> {
  if (done) return true;
  Reflect.set(TransactionContext, 'storage', explicitOnly);
  // The UnitOfWork's flag is private to its module: it is found by the one flush that sets it
  // (`run(true, …)`), made on an empty fork before anything else uses the ORM.
  const prototype = AsyncLocalStorage.prototype;
  const run = prototype.run;
  const found = new Set<AsyncLocalStorage<unknown>>();
  prototype.run = function <R>(this: AsyncLocalStorage<unknown>, store: unknown, callback: (...args: unknown[]) => R, ...args: unknown[]): R {
    if (store === true) found.add(this);
    return run.call(this, store, callback, ...args) as R;
  };
  try {
    await orm.em.fork().flush();
  } finally {
    prototype.run = run;
  }
  if (found.size !== 1) return false;
  for (const storage of found) {
    storage.disable();
    Object.assign(storage, explicitOnly);
  }
  done = true;
  return true;
}
