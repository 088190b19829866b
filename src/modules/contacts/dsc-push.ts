import { GoogleCallError, httpStatusOf } from '../../google/google-errors';
import { domainError } from '../../kernel/errors';
import type { SyncJobContext } from '../../kernel/sync-job';
import { contentHash, pushedFromRow } from './contact-content';
import { ContactLinks, type LinkWrite } from './contact-links';
import { ContactsTarget } from './contact.types';
import type { ContactsSettingsRow } from './contacts-settings';
import type { contactsConfig } from './contacts.config';
import { batchXml, entryNode, parseBatch, parseEntry, parseFeed, type BatchResult, type DscEntry } from './dsc-xml';
import { M8_SCOPE, m8Api, type M8Client } from './m8-api';
import { FOLLOW_UP_ROUNDS, type PushOp } from './push-op';
import type { z } from 'zod';

const BATCH_LIMIT = 100;
const FEED_PAGE = 500;
/** Clock skew allowed between us and Google when reading back what a lost batch may have written. */
const SKEW_MS = 5 * 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Op extends PushOp<'insert' | 'update' | 'delete'> {
  /** The entry id URL (update, delete). */
  entryId?: string;
  node?: Record<string, unknown>;
}

/**
 * Pushes the tenant's contacts to the Workspace domain's shared contacts (GData v3, batches of at
 * most 100 operations). Idempotent: inserts are marked pending before they leave, and an insert whose
 * outcome is unknown (a lost answer, a worker gone) is looked up in the feed by `updated-min` and our
 * `erpContactId` before anything is inserted again. One-way: a stale etag (412) means an edit in
 * Google, so the entry is read again and overwritten; 404 means deleted in Google, so it is made again.
 */
export async function pushToDomainShared(ctx: SyncJobContext, settings: ContactsSettingsRow, cfg: z.infer<typeof contactsConfig>): Promise<void> {
  const domain = settings.domain;
  if (!domain) throw domainError('BAD_USER_INPUT', 'Set the Workspace domain first: updateContactsSettings(input: { domain: "example.com" })', { field: 'domain' });
  const links = new ContactLinks(ctx, ContactsTarget.DOMAIN_SHARED);
  const { live, all } = await links.counts();
  if (live > cfg.CONTACTS_DOMAIN_LIMIT) throw limitReached(domain, cfg.CONTACTS_DOMAIN_LIMIT, live);
  const m8: M8Client = await ctx.google(m8Api);
  const feedUrl = `${cfg.GOOGLE_M8_ROOT}/contacts/${encodeURIComponent(domain)}/full`;
  const editUrl = (entryId: string) => `${feedUrl}/${encodeURIComponent(entryId.split('/').pop()!)}`;
  const ours = (e: DscEntry) => e.erpTenant === ctx.tenant && e.erpContactId !== null && UUID.test(e.erpContactId);

  /** A 403 on a whole request means the token may not use this domain's feed: the run stops with a clear error. */
  const guard = async <T>(p: Promise<T>): Promise<T> => {
    try {
      return await p;
    } catch (err) {
      if (httpStatusOf(err) === 403) {
        const said = err instanceof GoogleCallError ? err.errorClass.message : 'HTTP 403';
        throw domainError('FORBIDDEN', `Google refused the shared contacts of ${domain} (${said}). The authorizing account must be an administrator of ${domain} and grant ${M8_SCOPE}.`);
      }
      throw err;
    }
  };
  const get = (url: string) => guard(ctx.call(m8Api, () => m8.request('GET', url)));

  /** The feed, page by page (only entries changed since `updatedMin` when given). */
  async function* readFeed(updatedMin: Date | null): AsyncGenerator<DscEntry[]> {
    for (let start = 1; ;) {
      const q = new URLSearchParams({ 'start-index': String(start), 'max-results': String(FEED_PAGE) });
      if (updatedMin) q.set('updated-min', updatedMin.toISOString());
      const page = parseFeed(await get(`${feedUrl}?${q}`));
      if (page.entries.length) yield page.entries;
      if (!page.hasNext || !page.entries.length) return;
      start += page.entries.length;
    }
  }

  /** Entries of ours for the given contacts written since `since`; a second entry for a contact is a duplicate. */
  async function lookUp(contactIds: Set<string>, since: Date): Promise<{ found: Map<string, DscEntry>; duplicates: DscEntry[] }> {
    const found = new Map<string, DscEntry>();
    const duplicates: DscEntry[] = [];
    for await (const entries of readFeed(new Date(since.getTime() - SKEW_MS))) {
      for (const e of entries) {
        if (!ours(e) || !contactIds.has(e.erpContactId!)) continue;
        if (found.has(e.erpContactId!)) duplicates.push(e);
        else found.set(e.erpContactId!, e);
      }
    }
    return { found, duplicates };
  }

  const later: Op[] = [];
  /** `batch:id`: the contact's id, or the entry's for a stray (which may share a contact id with a real operation). */
  const batchIdOf = (op: Op) => (op.stray ? `stray:${op.entryId}` : op.contactId);
  const strayDelete = (e: DscEntry): Op => ({ contactId: e.erpContactId ?? e.id, type: 'delete', entryId: e.id, etag: e.etag, outcome: 'deleted', tries: 0, stray: true });
  let limitHit = false;

  // 1. Inserts left unknown by an earlier run: link what Google has, forget the rest.
  ctx.progress.setPhase('reconciling');
  const pending = await links.pending();
  if (pending.ids.length) {
    const { found, duplicates } = await lookUp(new Set(pending.ids), pending.since!);
    // The content sent then may differ from today's: no hash, so the next step sends an update.
    await links.save([...found].map(([contactId, e]) => ({ contactId, googleId: e.id, etag: e.etag, hash: null })));
    await links.drop(pending.ids.filter((id) => !found.has(id)));
    later.push(...duplicates.map(strayDelete));
    ctx.log.info({ pending: pending.ids.length, found: found.size }, 'reconciled inserts of an earlier run');
  }

  // 2. Full: read every entry of ours; restore drift, re-create what was deleted, delete what matches no contact.
  if (ctx.run.full) {
    ctx.progress.setPhase('verifying');
    const conn = ctx.em.getConnection();
    for await (const entries of readFeed(null)) {
      const mine = entries.filter(ours);
      if (!mine.length) continue;
      const rows: { id: string; google_id: string | null; etag: string | null }[] = await conn.execute(
        /* contactsOfEntries */ `SELECT c.id, l.google_id, l.etag FROM contact c LEFT JOIN contact_sync_link l ON l.contact_id = c.id AND l.target = ?
         WHERE c.tenant = ? AND c.id IN (SELECT value::uuid FROM jsonb_array_elements_text(?::jsonb))`,
        [ContactsTarget.DOMAIN_SHARED, ctx.tenant, JSON.stringify(mine.map((e) => e.erpContactId))],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      const adopt: LinkWrite[] = [];
      const seen: string[] = [];
      for (const e of mine) {
        const row = byId.get(e.erpContactId!);
        if (!row) later.push(strayDelete(e));
        else if (row.google_id === e.id) {
          seen.push(e.id);
          if (row.etag !== e.etag) adopt.push({ contactId: row.id, googleId: e.id, etag: e.etag, hash: null }); // edited in Google: push again
        } else if (row.google_id === null) {
          row.google_id = e.id;
          seen.push(e.id);
          adopt.push({ contactId: row.id, googleId: e.id, etag: e.etag, hash: null });
        } else later.push(strayDelete(e)); // a second entry for one contact
      }
      await links.save(adopt);
      await conn.execute(
        /* markContactLinksSeen */ `UPDATE contact_sync_link SET seen_run = ? WHERE tenant = ? AND target = ? AND google_id IN (SELECT value FROM jsonb_array_elements_text(?::jsonb))`,
        [ctx.run.id, ctx.tenant, ContactsTarget.DOMAIN_SHARED, JSON.stringify(seen)],
      );
    }
    // Linked but no longer in Google (deleted there): forget the link, so the contact is made again.
    const gone: unknown[] = await conn.execute(
      /* forgetContactsGoneFromGoogle */ `DELETE FROM contact_sync_link WHERE tenant = ? AND target = ? AND google_id IS NOT NULL AND seen_run IS DISTINCT FROM ? RETURNING contact_id`,
      [ctx.tenant, ContactsTarget.DOMAIN_SHARED, ctx.run.id],
    );
    ctx.log.info({ gone: gone.length, strays: later.length }, 'verified the shared contacts of ours');
  }

  /** Records an operation Google refused for good; the run goes on. */
  const refuse = async (op: Op, status: number, reason: string) => {
    const error = { response: { status, data: { error: { code: status, message: reason || `HTTP ${status}`, errors: [] } } } };
    if (op.stray) {
      ctx.log.warn({ entryId: op.entryId, status, reason }, 'could not delete a stray shared contact');
      return;
    }
    await ctx.recordItemError(op.contactId, error);
    await links.setError(op.contactId, `HTTP ${status}: ${reason}`);
    if (op.type === 'insert') await links.drop([op.contactId]);
  };

  /** Sends one batch (≤ 100), reconciling inserts before any resend, and settles each operation's answer. */
  const flush = async (ops: Op[]) => {
    if (!ops.length) return;
    let remaining = ops;
    const saves: LinkWrite[] = [];
    const dropped: string[] = [];
    const purged: string[] = [];
    const done = (op: Op) => {
      if (!op.stray) ctx.progress.item(op.outcome);
    };
    const inserts = ops.filter((op) => op.type === 'insert');
    await links.markPending(
      inserts.map((op) => op.contactId),
      new Date(),
    );
    let sentAt: Date | null = null;
    let results: BatchResult[] = [];
    await guard(
      ctx.retry(async (attempt) => {
        if (attempt > 1 && sentAt && remaining.some((op) => op.type === 'insert')) {
          // The last attempt may have been carried out although its answer was lost: look before resending.
          const { found, duplicates } = await lookUp(new Set(remaining.filter((op) => op.type === 'insert').map((op) => op.contactId)), sentAt);
          for (const op of remaining) {
            const e = op.type === 'insert' ? found.get(op.contactId) : undefined;
            if (!e) continue;
            saves.push({ contactId: op.contactId, googleId: e.id, etag: e.etag, hash: op.hash ?? null });
            done(op);
          }
          remaining = remaining.filter((op) => !(op.type === 'insert' && found.has(op.contactId)));
          later.push(...duplicates.map(strayDelete));
        }
        if (!remaining.length) return;
        await ctx.rateLimit(m8Api);
        sentAt = new Date();
        const res = await m8.request('POST', `${feedUrl}/batch`, {
          body: batchXml(remaining.map((op) => ({ batchId: batchIdOf(op), type: op.type, entryId: op.entryId, etag: op.etag, node: op.node }))),
        });
        results = parseBatch(res.data);
      }),
    );
    const byId = new Map(results.map((r) => [r.batchId, r]));
    for (const op of remaining) {
      const r = byId.get(batchIdOf(op));
      if (!r || r.code >= 500) {
        if (++op.tries < FOLLOW_UP_ROUNDS) later.push(op);
        else await refuse(op, r?.code ?? 500, r?.reason || 'no answer for this operation');
        continue;
      }
      if (r.code >= 200 && r.code < 300) {
        if (op.type === 'delete') {
          if (!op.stray) dropped.push(op.contactId);
          if (op.tombstone) purged.push(op.contactId);
        } else if (r.entry) saves.push({ contactId: op.contactId, googleId: r.entry.id, etag: r.entry.etag, hash: op.hash ?? null });
        done(op);
      } else if (r.code === 404) {
        if (op.type === 'delete') {
          if (!op.stray) dropped.push(op.contactId);
          if (op.tombstone) purged.push(op.contactId);
          done(op);
        } else later.push({ ...op, type: 'insert', entryId: undefined, etag: undefined }); // deleted in Google: make it again
      } else if (r.code === 412 && op.tries + 1 < FOLLOW_UP_ROUNDS) {
        later.push({ ...op, refresh: true, tries: op.tries + 1 }); // edited in Google: read it again, then overwrite
      } else if (r.code === 403 && op.type === 'insert' && /limit/i.test(r.reason)) {
        limitHit = true;
        await links.drop([op.contactId]);
      } else await refuse(op, r.code, r.reason);
    }
    await links.save(saves);
    await links.drop(dropped);
    await links.purge(purged);
    if (limitHit) throw limitReached(domain, cfg.CONTACTS_DOMAIN_LIMIT, null);
  };

  // 3. Every contact, page by page by id: what changed since its last push.
  ctx.progress.setTotal(all);
  ctx.progress.setPhase('pushing');
  let queue: Op[] = [];
  let afterId: string | null = null;
  for (;;) {
    const rows = await links.page(afterId, cfg.CONTACTS_SYNC_PAGE_SIZE);
    if (!rows.length) break;
    afterId = rows[rows.length - 1]!.id as string;
    const forgotten: string[] = [];
    for (const r of rows) {
      if (ctx.signal.aborted) throw ctx.signal.reason;
      const id = r.id as string;
      const googleId = (r.link_google_id as string | null) ?? null;
      if (r.deleted_at) {
        if (googleId) queue.push({ contactId: id, type: 'delete', entryId: googleId, etag: r.link_etag as string | null, outcome: 'deleted', tries: 0, tombstone: true });
        else {
          forgotten.push(id);
          ctx.progress.item('skipped');
        }
      } else {
        const contact = pushedFromRow(r);
        const hash = contentHash(contact, ContactsTarget.DOMAIN_SHARED);
        if (!googleId) queue.push({ contactId: id, type: 'insert', node: entryNode(contact, ctx.tenant), hash, outcome: 'created', tries: 0 });
        else if (r.link_hash !== hash) {
          queue.push({ contactId: id, type: 'update', entryId: googleId, etag: r.link_etag as string | null, node: entryNode(contact, ctx.tenant), hash, outcome: 'updated', tries: 0 });
        } else ctx.progress.item('skipped');
      }
      if (queue.length >= BATCH_LIMIT) {
        await flush(queue);
        queue = [];
      }
    }
    await links.purge(forgotten);
  }
  await flush(queue);

  // 4. Follow-ups: stale etags read again, contacts deleted in Google made again, operations Google failed.
  for (let round = 0; later.length && round < FOLLOW_UP_ROUNDS * 2; round++) {
    const ops = later.splice(0);
    for (const op of ops) {
      if (!op.refresh) continue;
      op.refresh = false;
      try {
        op.etag = parseEntry(await get(editUrl(op.entryId!))).etag;
      } catch (err) {
        if (httpStatusOf(err) !== 404) throw err;
        // Gone meanwhile: a delete is done; an update becomes an insert.
        if (op.type === 'update') Object.assign(op, { type: 'insert', entryId: undefined, etag: undefined });
        else op.type = 'delete';
      }
    }
    for (let i = 0; i < ops.length; i += BATCH_LIMIT) await flush(ops.slice(i, i + BATCH_LIMIT));
  }
  for (const op of later) await refuse(op, 409, 'still changing in Google after several attempts');
  ctx.progress.setPhase('done');
}

function limitReached(domain: string, limit: number, live: number | null) {
  return domainError(
    'FORBIDDEN',
    live === null
      ? `Google refused more shared contacts: the domain ${domain} reached its limit of ${limit.toLocaleString('en-US')} contacts. Delete contacts, then sync again.`
      : `The tenant has ${live.toLocaleString('en-US')} contacts, more than the ${limit.toLocaleString('en-US')} shared contacts Google allows the domain ${domain}; nothing was pushed.`,
    { reason: 'domainContactLimit' },
  );
}
