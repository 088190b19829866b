import type { EntityManager } from '@mikro-orm/postgresql';

/** A statement PostgreSQL was told to cancel because its time was up. */
export class StatementTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`the statement was cancelled after ${timeoutMs} ms`);
    this.name = 'StatementTimeoutError';
  }
}

/**
 * Runs a read statement (`?` placeholders) through the EntityManager's connection, and, when
 * `timeoutMs` is finite, cancels it in PostgreSQL (`pg_cancel_backend` on another connection) once
 * that time has passed, so that the server stops working on it too. Counted like every ORM statement.
 */
export async function executeWithin(em: EntityManager, sql: string, params: unknown[], timeoutMs: number): Promise<Record<string, unknown>[]> {
  if (!Number.isFinite(timeoutMs)) return em.getConnection().execute(sql, params);
  if (timeoutMs <= 0) throw new StatementTimeoutError(0);
  const onQuery = em.config.get('onQuery');
  const query = onQuery(sql, params);
  const ms = Math.ceil(timeoutMs);
  try {
    const result = (await em
      .getKnex()
      .raw(query, params as never[])
      .timeout(ms, { cancel: true })) as { rows: Record<string, unknown>[] };
    return result.rows;
  } catch (err) {
    if ((err as Error | null)?.name === 'KnexTimeoutError') throw new StatementTimeoutError(ms);
    throw err;
  }
}
