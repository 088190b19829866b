import type { EntityManager } from '@mikro-orm/postgresql';
import { PrinterSource } from './print-server.entity';
import type { PrinterCapabilities, PrinterState } from './printer-state';

/** One printer as a source describes it, ready to be upserted. */
export interface PrinterRow {
  source: PrinterSource;
  sourceId: string;
  printServerId: string | null;
  displayName: string;
  description: string | null;
  location: string | null;
  makeAndModel: string | null;
  uri: string | null;
  orgUnitId: string | null;
  state: PrinterState;
  stateReasons: string[];
  acceptingJobs: boolean;
  /** Null keeps what is stored (a source that does not describe capabilities). */
  capabilities: PrinterCapabilities | null;
  /** When the state was read from the printer; null when it was not asked. */
  stateCheckedAt: Date | null;
}

const BATCH = 200;
const EMPTY_CAPABILITIES = '{"documentFormats":[],"media":[],"color":null,"duplex":null,"copiesMin":1,"copiesMax":1}';
/** One row of VALUES, each parameter cast (a column of nulls would otherwise be text). */
const ROW = `(?::varchar, ?::varchar, ?::text, ?::varchar, ?::varchar, ?::varchar, ?::text, ?::varchar, ?::uuid, ?::varchar, ?::text, ?::jsonb, ?::boolean, ?::jsonb, ?::timestamptz, ?::timestamptz)`;

/** SQL for the printers table that the sync and the live reads share (raw SQL: the tenant is explicit). */
export class PrinterRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Inserts or updates printers by (tenant, source, source id), stamps them seen at `seenAt` and
   * clears `removed_at`. Rows without capabilities keep the stored ones. Returns how many were
   * created and updated.
   */
  async upsert(tenant: string, rows: readonly PrinterRow[], seenAt: Date): Promise<{ created: number; updated: number }> {
    let created = 0;
    let updated = 0;
    const withCaps = rows.filter((r) => r.capabilities);
    const withoutCaps = rows.filter((r) => !r.capabilities);
    for (const [group, keepCaps] of [
      [withCaps, false],
      [withoutCaps, true],
    ] as const) {
      for (let i = 0; i < group.length; i += BATCH) {
        const n = await this.upsertBatch(tenant, group.slice(i, i + BATCH), seenAt, keepCaps);
        created += n.created;
        updated += n.updated;
      }
    }
    return { created, updated };
  }

  private async upsertBatch(tenant: string, batch: readonly PrinterRow[], seenAt: Date, keepCaps: boolean): Promise<{ created: number; updated: number }> {
    const params: unknown[] = [];
    for (const r of batch) {
      params.push(
        tenant,
        r.displayName.slice(0, 500),
        r.description,
        r.location?.slice(0, 500) ?? null,
        r.makeAndModel?.slice(0, 500) ?? null,
        r.uri?.slice(0, 2048) ?? null,
        r.source,
        r.sourceId.slice(0, 1024),
        r.printServerId,
        r.orgUnitId?.slice(0, 255) ?? null,
        r.state,
        JSON.stringify(r.stateReasons),
        r.acceptingJobs,
        JSON.stringify(r.capabilities ?? null),
        r.stateCheckedAt,
        seenAt,
      );
    }
    const result: { inserted: boolean }[] = await this.em.getConnection().execute(
      /* upsertPrinters */ `INSERT INTO printer AS p (id, tenant, display_name, description, location, make_and_model, uri, source, source_id, print_server_id, org_unit_id,
         state, state_reasons, accepting_jobs, capabilities_data, state_checked_at, last_seen_at, removed_at, created_at, updated_at)
       SELECT gen_random_uuid(), v.tenant, v.display_name, v.description, v.location, v.make_and_model, v.uri, v.source, v.source_id, v.print_server_id, v.org_unit_id,
         v.state, v.state_reasons, v.accepting_jobs, coalesce(nullif(v.capabilities, 'null'::jsonb), '${EMPTY_CAPABILITIES}'::jsonb), v.state_checked_at, v.seen_at, NULL, v.seen_at, v.seen_at
       FROM (VALUES ${batch.map(() => ROW).join(', ')}) AS v(tenant, display_name, description, location, make_and_model, uri, source, source_id, print_server_id, org_unit_id,
         state, state_reasons, accepting_jobs, capabilities, state_checked_at, seen_at)
       ON CONFLICT (tenant, source, source_id) DO UPDATE SET
         display_name = excluded.display_name, description = excluded.description, location = excluded.location, make_and_model = excluded.make_and_model,
         uri = excluded.uri, print_server_id = excluded.print_server_id, org_unit_id = excluded.org_unit_id,
         state = excluded.state, state_reasons = excluded.state_reasons, accepting_jobs = excluded.accepting_jobs,
         capabilities_data = ${keepCaps ? 'p.capabilities_data' : 'excluded.capabilities_data'},
         state_checked_at = coalesce(excluded.state_checked_at, p.state_checked_at),
         last_seen_at = excluded.last_seen_at, removed_at = NULL, updated_at = excluded.updated_at
       RETURNING (xmax = 0) AS inserted`,
      params,
    );
    const created = result.filter((r) => r.inserted).length;
    return { created, updated: result.length - created };
  }

  /** Marks removed the printers of a source (and server) that the sync starting at `seenAt` did not see; returns how many. */
  async markUnseenRemoved(tenant: string, source: PrinterSource, printServerId: string | null, seenAt: Date): Promise<number> {
    const rows: unknown[] = await this.em.getConnection().execute(
      /* markPrintersRemoved */ `UPDATE printer SET removed_at = ?, updated_at = ?, state = 'UNKNOWN', state_reasons = '["removed-at-source"]'::jsonb, accepting_jobs = false
       WHERE tenant = ? AND source = ? AND removed_at IS NULL AND (last_seen_at IS NULL OR last_seen_at < ?) AND ${printServerId ? 'print_server_id = ?' : 'TRUE'}
       RETURNING id`,
      [seenAt, seenAt, tenant, source, seenAt, ...(printServerId ? [printServerId] : [])],
    );
    return rows.length;
  }

  /** A server that does not answer: its printers' state is unknown (they are not removed). */
  async markServerUnknown(tenant: string, printServerId: string, reason: string): Promise<number> {
    const rows: unknown[] = await this.em.getConnection().execute(
      /* markServerPrintersUnknown */ `UPDATE printer SET state = 'UNKNOWN', state_reasons = ?::jsonb, accepting_jobs = false, updated_at = now()
       WHERE tenant = ? AND print_server_id = ? AND removed_at IS NULL RETURNING id`,
      [JSON.stringify([reason]), tenant, printServerId],
    );
    return rows.length;
  }
}
