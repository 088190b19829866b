import type { MikroORM } from '@mikro-orm/postgresql';
import { useDatabaseTimeZones } from '../kernel/time-zone';

/** Reads PostgreSQL's zone names once, so that every time-zone argument is checked against them too. */
export async function loadDatabaseTimeZones(orm: MikroORM): Promise<number> {
  const rows: { name: string }[] = await orm.em.getConnection().execute(/* timeZoneNames */ 'SELECT name FROM pg_timezone_names');
  useDatabaseTimeZones(rows.map((r) => r.name));
  return rows.length;
}
