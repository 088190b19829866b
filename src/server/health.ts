import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { pendingMigrations } from '../db/orm';
import type { Logger } from '../kernel/logger';
import { sendJson } from './graphql-http';

/** /healthz: the process is alive. */
export async function healthz(_req: IncomingMessage, res: ServerResponse): Promise<void> {
  sendJson(res, 200, { status: 'ok' });
}

/**
 * /readyz: 200 only while the database answers, every migration is applied and events arrive
 * (LISTEN is up). It is open to anyone, so it says which condition fails and nothing more: the
 * database's error and the migrations' names go to the log.
 */
export function readyz(orm: MikroORM, isShuttingDown: () => boolean, isListening: () => boolean = () => true) {
  return async (_req: IncomingMessage, res: ServerResponse, _search: string, log: () => Logger): Promise<void> => {
    if (isShuttingDown()) return sendJson(res, 503, { status: 'shutting-down' });
    if (!isListening()) return sendJson(res, 503, { status: 'events-unavailable' });
    try {
      await withTimeout(orm.em.getConnection().execute(/* readyz */ 'select 1'), 2000);
      const pending = await withTimeout(pendingMigrations(orm), 2000);
      if (pending.length) {
        log().warn({ pending }, 'not ready: migrations are pending');
        return sendJson(res, 503, { status: 'migrations-pending', pending: pending.length });
      }
      sendJson(res, 200, { status: 'ready' });
    } catch (err) {
      log().warn({ err }, 'not ready: the database does not answer');
      sendJson(res, 503, { status: 'database-unavailable' });
    }
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}
