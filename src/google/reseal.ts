import type { MikroORM } from '@mikro-orm/postgresql';
import type { SecretBox } from './secret-box';

/** Every column that holds a sealed secret. */
const SEALED_COLUMNS: { table: string; key: string; columns: string[] }[] = [
  { table: 'google_connection', key: 'id', columns: ['client_secret', 'refresh_token', 'access_token'] },
  { table: 'google_oauth_state', key: 'state_hash', columns: ['code_verifier'] },
  { table: 'google_service_account', key: 'tenant', columns: ['private_key'] },
];

/** Re-seals, in one transaction, every secret sealed with another key than the box's current one. */
export async function reSealAll(orm: MikroORM, box: SecretBox): Promise<number> {
  let count = 0;
  await orm.em.fork().transactional(async (em) => {
    const conn = em.getConnection();
    // Raw statements join the transaction only when handed it.
    const trx = em.getTransactionContext();
    for (const { table, key, columns } of SEALED_COLUMNS) {
      const rows: Record<string, string | null>[] = await conn.execute(`SELECT "${key}", ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" FOR UPDATE`, [], 'all', trx);
      for (const row of rows) {
        for (const column of columns) {
          const sealed = row[column];
          if (!sealed || !box.isStale(sealed)) continue;
          await conn.execute(`UPDATE "${table}" SET "${column}" = ? WHERE "${key}" = ?`, [box.seal(box.open(sealed)), row[key]], 'run', trx);
          count++;
        }
      }
    }
  });
  return count;
}
