import type { SyncJobContext } from '../../kernel/sync-job';
import type { ContactsTarget } from './contact.types';

/** One link to save: the contact now lives at `googleId` with `etag`, holding the content of `hash`. */
export interface LinkWrite {
  contactId: string;
  googleId: string;
  etag: string | null;
  hash: string | null;
}

/**
 * The sync's writes to its own tables, a statement per batch of contacts (rows travel as one JSON
 * parameter). Every statement names the tenant: raw SQL bypasses the ORM's tenant filter.
 */
export class ContactLinks {
  constructor(
    private readonly ctx: SyncJobContext,
    private readonly target: ContactsTarget,
  ) {}

  private exec(sql: string, params: unknown[]): Promise<unknown> {
    return this.ctx.em.getConnection().execute(sql, params);
  }

  /** Saves links (and clears the contacts' last error). */
  async save(links: LinkWrite[]): Promise<void> {
    if (!links.length) return;
    const json = JSON.stringify(links.map((l) => ({ contact_id: l.contactId, google_id: l.googleId, etag: l.etag, content_hash: l.hash })));
    await this.exec(
      /* saveContactLinks */ `INSERT INTO contact_sync_link (contact_id, target, tenant, google_id, etag, content_hash, sent_at, synced_at)
       SELECT x.contact_id, ?, ?, x.google_id, x.etag, x.content_hash, NULL, now() FROM jsonb_to_recordset(?::jsonb) AS x(contact_id uuid, google_id text, etag text, content_hash text)
       ON CONFLICT (contact_id, target) DO UPDATE SET google_id = excluded.google_id, etag = excluded.etag, content_hash = excluded.content_hash, sent_at = NULL, synced_at = now()`,
      [this.target, this.ctx.tenant, json],
    );
    await this.exec(
      /* clearContactErrors */ `UPDATE contact SET sync_error = NULL WHERE tenant = ? AND sync_error IS NOT NULL AND id IN (SELECT value::uuid FROM jsonb_array_elements_text(?::jsonb))`,
      [this.ctx.tenant, JSON.stringify(links.map((l) => l.contactId))],
    );
  }

  /** Marks inserts about to be sent: until their outcome is known, no other insert goes out for them. */
  async markPending(contactIds: string[], sentAt: Date): Promise<void> {
    if (!contactIds.length) return;
    await this.exec(
      /* markContactInsertsPending */ `INSERT INTO contact_sync_link (contact_id, target, tenant, google_id, etag, content_hash, sent_at, synced_at)
       SELECT value::uuid, ?, ?, NULL, NULL, NULL, ?, NULL FROM jsonb_array_elements_text(?::jsonb)
       ON CONFLICT (contact_id, target) DO UPDATE SET google_id = NULL, etag = NULL, content_hash = NULL, sent_at = excluded.sent_at`,
      [this.target, this.ctx.tenant, sentAt, JSON.stringify(contactIds)],
    );
  }

  /** Forgets links (the contacts are gone from Google, or their insert surely failed). */
  async drop(contactIds: string[]): Promise<void> {
    if (!contactIds.length) return;
    await this.exec(/* dropContactLinks */ `DELETE FROM contact_sync_link WHERE tenant = ? AND target = ? AND contact_id IN (SELECT value::uuid FROM jsonb_array_elements_text(?::jsonb))`, [
      this.ctx.tenant,
      this.target,
      JSON.stringify(contactIds),
    ]);
  }

  /** Removes tombstones whose deletion reached Google (and their links in every target). */
  async purge(contactIds: string[]): Promise<void> {
    if (!contactIds.length) return;
    const ids = JSON.stringify(contactIds);
    await this.exec(
      /* purgeContactLinks */ `DELETE FROM contact_sync_link WHERE tenant = ? AND contact_id IN (SELECT c.id FROM contact c WHERE c.tenant = ? AND c.deleted_at IS NOT NULL AND c.id IN (SELECT value::uuid FROM jsonb_array_elements_text(?::jsonb)))`,
      [this.ctx.tenant, this.ctx.tenant, ids],
    );
    await this.exec(/* purgeContacts */ `DELETE FROM contact WHERE tenant = ? AND deleted_at IS NOT NULL AND id IN (SELECT value::uuid FROM jsonb_array_elements_text(?::jsonb))`, [
      this.ctx.tenant,
      ids,
    ]);
  }

  async setError(contactId: string, message: string): Promise<void> {
    await this.exec(/* setContactSyncError */ 'UPDATE contact SET sync_error = ? WHERE tenant = ? AND id = ?', [message.slice(0, 1000), this.ctx.tenant, contactId]);
  }

  /** Inserts sent earlier whose outcome is still unknown: their contact ids and the oldest send time. */
  async pending(): Promise<{ ids: string[]; since: Date | null; newest: Date | null }> {
    const rows: { contact_id: string; sent_at: Date | string }[] = await this.ctx.em
      .getConnection()
      .execute(/* pendingContactInserts */ 'SELECT contact_id, sent_at FROM contact_sync_link WHERE tenant = ? AND target = ? AND google_id IS NULL ORDER BY sent_at', [this.ctx.tenant, this.target]);
    if (!rows.length) return { ids: [], since: null, newest: null };
    return { ids: rows.map((r) => r.contact_id), since: new Date(rows[0]!.sent_at), newest: new Date(rows[rows.length - 1]!.sent_at) };
  }

  /** One page of the tenant's contacts (live and tombstones) with their link, by id after `afterId`. */
  async page(afterId: string | null, size: number): Promise<Record<string, unknown>[]> {
    return this.ctx.em.getConnection().execute(
      /* contactsToSync */ `SELECT c.id, c.given_name, c.middle_name, c.family_name, c.display_name, c.company, c.job_title, c.department,
         c.emails, c.phone_numbers, c.addresses, c.website, c.notes, c.birthday::text AS birthday, c.deleted_at,
         l.google_id AS link_google_id, l.etag AS link_etag, l.content_hash AS link_hash, l.sent_at AS link_sent_at
       FROM contact c LEFT JOIN contact_sync_link l ON l.contact_id = c.id AND l.target = ?
       WHERE c.tenant = ?${afterId ? ' AND c.id > ?' : ''} ORDER BY c.id LIMIT ${size}`,
      afterId ? [this.target, this.ctx.tenant, afterId] : [this.target, this.ctx.tenant],
    );
  }

  async counts(): Promise<{ live: number; all: number }> {
    const rows: { live: number; all: number }[] = await this.ctx.em
      .getConnection()
      .execute(/* countContactsToSync */ 'SELECT count(*) FILTER (WHERE deleted_at IS NULL)::int AS live, count(*)::int AS "all" FROM contact WHERE tenant = ?', [this.ctx.tenant]);
    return rows[0]!;
  }
}
