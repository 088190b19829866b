import type { people_v1 } from 'googleapis/build/src/apis/people';
import type { z } from 'zod';
import { classifyGoogleError, GoogleCallError, httpStatusOf } from '../../google/google-errors';
import type { SyncJobContext } from '../../kernel/sync-job';
import { sleep } from '../../sync/retry-policy';
import { contentHash, pushedFromRow } from './contact-content';
import { ContactLinks, type LinkWrite } from './contact-links';
import { ContactsTarget } from './contact.types';
import type { ContactsSettingsRow } from './contacts-settings';
import type { contactsConfig } from './contacts.config';
import { peopleApi } from './people-api';
import { markerOf, PERSON_UPDATE_MASK, personFor } from './people-person';
import { FOLLOW_UP_ROUNDS, type PushOp } from './push-op';

const CREATE_LIMIT = 200;
const UPDATE_LIMIT = 200;
const DELETE_LIMIT = 500;
const MEMBERS_LIMIT = 1000;
const READ_MASK = 'metadata';
/** Waits between reconciliations at the end of a run, for reads that lag writes. */
const RECONCILE_WAITS_MS = [1000, 2000, 4000, 8000];

interface Op extends PushOp<'create' | 'update' | 'delete'> {
  resourceName?: string;
  person?: people_v1.Schema$Person;
}

/** A person of ours as a read shows it. */
interface Ours {
  resourceName: string;
  etag: string | null;
  inGroup: boolean;
}

/** The canonical status of a Google error (`FAILED_PRECONDITION`, `NOT_FOUND` …), unwrapping the engine's error. */
function googleStatus(err: unknown): string | null {
  const raw = err instanceof GoogleCallError ? err.cause : err;
  const status = (raw as { response?: { data?: { error?: { status?: unknown } } } })?.response?.data?.error?.status;
  return typeof status === 'string' ? status : null;
}

/** The answer never came (the connection broke after sending): the write may or may not have happened. */
function outcomeUnknown(err: unknown): boolean {
  return httpStatusOf(err) === null && classifyGoogleError(err).kind === 'transient';
}

/**
 * Pushes the tenant's contacts into one contact group of the authorizing account through the
 * People API: batches of at most 200 creates or updates and 500 deletes, one mutation at a time
 * (as Google asks for one user). Reads may lag writes by minutes, so the job never relies on reading
 * its own write back: an insert whose answer was lost stays pending (no second insert) until a read
 * shows it, later in the run or in a next one, or until it is older than CONTACTS_PEOPLE_READ_LAG_SECONDS.
 */
export async function pushToUserGroup(ctx: SyncJobContext, settings: ContactsSettingsRow, cfg: z.infer<typeof contactsConfig>): Promise<void> {
  const links = new ContactLinks(ctx, ContactsTarget.USER_GROUP);
  const { all } = await links.counts();
  const people = await ctx.google(peopleApi);
  const conn = ctx.em.getConnection();
  const lagMs = cfg.CONTACTS_PEOPLE_READ_LAG_SECONDS * 1000;
  const call = <T>(fn: () => Promise<{ data: T }>) => ctx.call(peopleApi, fn);

  // The tenant's group: made if missing, renamed when groupName changed.
  ctx.progress.setPhase('group');
  const wanted = settings.groupName ?? ctx.tenant;
  let group: people_v1.Schema$ContactGroup | null = null;
  if (settings.groupResourceName) {
    try {
      group = await call(() => people.contactGroups.get({ resourceName: settings.groupResourceName!, maxMembers: 0 }));
    } catch (err) {
      if (httpStatusOf(err) !== 404) throw err;
    }
  }
  const groupIsNew = !group;
  if (!group) {
    try {
      group = await call(() => people.contactGroups.create({ requestBody: { contactGroup: { name: wanted } } }));
    } catch (err) {
      if (httpStatusOf(err) !== 409) throw err;
      // Made by an earlier attempt whose answer was lost, or by hand: adopt it.
      const list = await call(() => people.contactGroups.list({ pageSize: 1000 }));
      group = (list.contactGroups ?? []).find((g) => g.name === wanted) ?? null;
      if (!group) throw err;
    }
  } else if (group.name !== wanted) {
    group = await call(() => people.contactGroups.update({ resourceName: group!.resourceName!, requestBody: { contactGroup: { name: wanted, etag: group!.etag }, updateGroupFields: 'name' } }));
  }
  const groupName = group.resourceName!;
  await conn.execute(
    /* saveContactsGroup */ `INSERT INTO contacts_settings (tenant, group_resource_name, group_synced_name, updated_at) VALUES (?, ?, ?, now())
     ON CONFLICT (tenant) DO UPDATE SET group_resource_name = excluded.group_resource_name, group_synced_name = excluded.group_synced_name`,
    [ctx.tenant, groupName, wanted],
  );

  /** Every person of ours the (lagging) reads show, by contact id; a second one for a contact is a duplicate. */
  const readOurs = async (): Promise<{ byContact: Map<string, Ours>; duplicates: Ours[] }> => {
    const byContact = new Map<string, Ours>();
    const duplicates: Ours[] = [];
    let pageToken: string | undefined;
    do {
      const page = await call(() => people.people.connections.list({ resourceName: 'people/me', personFields: 'clientData,memberships,metadata', pageSize: 1000, pageToken }));
      for (const p of page.connections ?? []) {
        const id = markerOf(p, ctx.tenant);
        if (!id || !p.resourceName) continue;
        const ours: Ours = { resourceName: p.resourceName, etag: p.etag ?? null, inGroup: (p.memberships ?? []).some((m) => m.contactGroupMembership?.contactGroupResourceName === groupName) };
        if (byContact.has(id)) duplicates.push(ours);
        else byContact.set(id, ours);
      }
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    return { byContact, duplicates };
  };

  const later: Op[] = [];
  const strayDelete = (o: Ours): Op => ({ contactId: o.resourceName, type: 'delete', resourceName: o.resourceName, outcome: 'deleted', tries: 0, stray: true });
  /** Inserts sent whose answer never came: contact id → the hash sent and when. */
  const unknown = new Map<string, { hash: string | null; sentAt: number }>();
  /** Contacts left alone this run: an insert of theirs is pending and reads do not show it yet. */
  const waiting = new Set<string>();

  // 1. Inserts left pending by an earlier run.
  ctx.progress.setPhase('reconciling');
  const pending = await links.pending();
  let seen: Awaited<ReturnType<typeof readOurs>> | null = null;
  if (pending.ids.length || ctx.run.full || groupIsNew) {
    seen = await readOurs();
    const pendingRows: { contact_id: string; sent_at: Date | string }[] = pending.ids.length
      ? await conn.execute(/* pendingPeopleInserts */ 'SELECT contact_id, sent_at FROM contact_sync_link WHERE tenant = ? AND target = ? AND google_id IS NULL', [
          ctx.tenant,
          ContactsTarget.USER_GROUP,
        ])
      : [];
    const found: LinkWrite[] = [];
    const expired: string[] = [];
    for (const r of pendingRows) {
      const o = seen.byContact.get(r.contact_id);
      if (o) found.push({ contactId: r.contact_id, googleId: o.resourceName, etag: o.etag, hash: null });
      else if (Date.now() - new Date(r.sent_at).getTime() > lagMs) expired.push(r.contact_id);
      else waiting.add(r.contact_id);
    }
    await links.save(found);
    await links.drop(expired);
    later.push(...seen.duplicates.map(strayDelete));
    if (pendingRows.length) ctx.log.info({ pending: pendingRows.length, found: found.length, waiting: waiting.size }, 'reconciled contact inserts of an earlier run');
  }

  // 2. Full (or a new group): restore drift and membership, re-create what was deleted in Google, delete ours that match no contact.
  if (seen && (ctx.run.full || groupIsNew)) {
    ctx.progress.setPhase('verifying');
    const toAdd: string[] = [];
    const ids = [...seen.byContact.keys()];
    for (let i = 0; i < ids.length; i += 1000) {
      const chunk = ids.slice(i, i + 1000);
      const rows: { id: string; google_id: string | null; etag: string | null }[] = await conn.execute(
        /* contactsOfPeople */ `SELECT c.id, l.google_id, l.etag FROM contact c LEFT JOIN contact_sync_link l ON l.contact_id = c.id AND l.target = ?
         WHERE c.tenant = ? AND c.id IN (SELECT value::uuid FROM jsonb_array_elements_text(?::jsonb))`,
        [ContactsTarget.USER_GROUP, ctx.tenant, JSON.stringify(chunk)],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      const adopt: LinkWrite[] = [];
      for (const id of chunk) {
        const o = seen.byContact.get(id)!;
        const row = byId.get(id);
        if (!row) {
          later.push(strayDelete(o));
          continue;
        }
        if (row.google_id === null) adopt.push({ contactId: id, googleId: o.resourceName, etag: o.etag, hash: null });
        else if (row.google_id !== o.resourceName) {
          later.push(strayDelete(o));
          continue;
        } else if (row.etag !== o.etag) adopt.push({ contactId: id, googleId: o.resourceName, etag: o.etag, hash: null });
        if (!o.inGroup) toAdd.push(o.resourceName);
      }
      await links.save(adopt);
      await conn.execute(
        /* markPeopleLinksSeen */ `UPDATE contact_sync_link SET seen_run = ? WHERE tenant = ? AND target = ? AND google_id IN (SELECT value FROM jsonb_array_elements_text(?::jsonb))`,
        [ctx.run.id, ctx.tenant, ContactsTarget.USER_GROUP, JSON.stringify(chunk.map((id) => seen!.byContact.get(id)!.resourceName))],
      );
    }
    for (let i = 0; i < toAdd.length; i += MEMBERS_LIMIT) {
      const slice = toAdd.slice(i, i + MEMBERS_LIMIT);
      await call(() => people.contactGroups.members.modify({ resourceName: groupName, requestBody: { resourceNamesToAdd: slice } }));
    }
    // Linked, not shown by the reads, and older than their lag: deleted in Google, so made again.
    await conn.execute(
      /* forgetPeopleGoneFromGoogle */ `DELETE FROM contact_sync_link WHERE tenant = ? AND target = ? AND google_id IS NOT NULL AND seen_run IS DISTINCT FROM ?
         AND synced_at < now() - make_interval(secs => ?)`,
      [ctx.tenant, ContactsTarget.USER_GROUP, ctx.run.id, cfg.CONTACTS_PEOPLE_READ_LAG_SECONDS],
    );
  }

  /** Records an operation Google refused for good; the run goes on. */
  const refuse = async (op: Op, err: unknown) => {
    if (op.stray) {
      ctx.log.warn({ resourceName: op.resourceName, code: classifyGoogleError(err).code }, 'could not delete a stray contact');
      return;
    }
    const cls = await ctx.recordItemError(op.contactId, err);
    await links.setError(op.contactId, cls.message);
    if (op.type === 'create') await links.drop([op.contactId]);
  };
  const done = (op: Op) => {
    if (!op.stray) ctx.progress.item(op.outcome);
  };

  /**
   * One batch request, retried by the engine on 429/5xx. A refusal of the whole request (one bad
   * contact fails them all) is narrowed by halves to the contacts at fault.
   */
  const send = async (ops: Op[]): Promise<void> => {
    if (!ops.length) return;
    const type = ops[0]!.type;
    if (type === 'create')
      await links.markPending(
        ops.map((o) => o.contactId),
        new Date(),
      );
    let result: { unknown: true } | { data: people_v1.Schema$BatchCreateContactsResponse | people_v1.Schema$BatchUpdateContactsResponse | object };
    try {
      result = await ctx.retry(async () => {
        await ctx.rateLimit(peopleApi);
        try {
          const res =
            type === 'create'
              ? await people.people.batchCreateContacts({ requestBody: { contacts: ops.map((o) => ({ contactPerson: o.person })), readMask: READ_MASK } })
              : type === 'update'
                ? await people.people.batchUpdateContacts({
                    requestBody: { contacts: Object.fromEntries(ops.map((o) => [o.resourceName!, { ...o.person, etag: o.etag }])), updateMask: PERSON_UPDATE_MASK, readMask: READ_MASK },
                  })
                : await people.people.batchDeleteContacts({ requestBody: { resourceNames: ops.map((o) => o.resourceName!) } });
          return { data: res.data };
        } catch (err) {
          if (type === 'create' && outcomeUnknown(err)) return { unknown: true as const };
          throw err;
        }
      });
    } catch (err) {
      if (err instanceof GoogleCallError && err.errorClass.kind === 'item') {
        if (ops.length > 1) {
          const half = Math.ceil(ops.length / 2);
          await send(ops.slice(0, half));
          await send(ops.slice(half));
          return;
        }
        const op = ops[0]!;
        const status = googleStatus(err);
        if (op.type === 'delete' && httpStatusOf(err) === 404) {
          if (!op.stray) await links.drop([op.contactId]);
          if (op.tombstone) await links.purge([op.contactId]);
          done(op);
        } else if (op.type === 'update' && httpStatusOf(err) === 404) later.push({ ...op, type: 'create', resourceName: undefined, etag: undefined });
        else if (op.type === 'update' && status === 'FAILED_PRECONDITION' && op.tries + 1 < FOLLOW_UP_ROUNDS) later.push({ ...op, refresh: true, tries: op.tries + 1 });
        else await refuse(op, err);
        return;
      }
      throw err;
    }
    if ('unknown' in result) {
      const sentAt = Date.now();
      for (const op of ops) unknown.set(op.contactId, { hash: op.hash ?? null, sentAt });
      return;
    }
    const saves: LinkWrite[] = [];
    if (type === 'create') {
      const created = (result.data as people_v1.Schema$BatchCreateContactsResponse).createdPeople ?? [];
      ops.forEach((op, i) => {
        const p = created[i]?.person;
        if (p?.resourceName) {
          saves.push({ contactId: op.contactId, googleId: p.resourceName, etag: p.etag ?? null, hash: op.hash ?? null });
          done(op);
        } else unknown.set(op.contactId, { hash: op.hash ?? null, sentAt: Date.now() });
      });
    } else if (type === 'update') {
      const updated = (result.data as people_v1.Schema$BatchUpdateContactsResponse).updateResult ?? {};
      for (const op of ops) {
        const p = updated[op.resourceName!]?.person;
        saves.push({ contactId: op.contactId, googleId: op.resourceName!, etag: p?.etag ?? null, hash: op.hash ?? null });
        done(op);
      }
    } else {
      await links.drop(ops.filter((o) => !o.stray).map((o) => o.contactId));
      await links.purge(ops.filter((o) => o.tombstone).map((o) => o.contactId));
      ops.forEach(done);
    }
    await links.save(saves);
  };

  const queues: Record<Op['type'], Op[]> = { create: [], update: [], delete: [] };
  const LIMITS: Record<Op['type'], number> = { create: CREATE_LIMIT, update: UPDATE_LIMIT, delete: DELETE_LIMIT };
  const enqueue = async (op: Op) => {
    const q = queues[op.type];
    q.push(op);
    if (q.length >= LIMITS[op.type]) await send(q.splice(0));
  };
  const drain = async () => {
    for (const type of ['delete', 'update', 'create'] as const) await send(queues[type].splice(0));
  };

  // 3. Every contact, page by page by id.
  ctx.progress.setTotal(all);
  ctx.progress.setPhase('pushing');
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
      if (waiting.has(id) || (googleId === null && r.link_sent_at)) {
        ctx.progress.item('skipped'); // its insert is pending: never a second one
        continue;
      }
      if (r.deleted_at) {
        if (googleId) await enqueue({ contactId: id, type: 'delete', resourceName: googleId, outcome: 'deleted', tries: 0, tombstone: true });
        else {
          forgotten.push(id);
          ctx.progress.item('skipped');
        }
        continue;
      }
      const contact = pushedFromRow(r);
      const hash = contentHash(contact, ContactsTarget.USER_GROUP);
      if (!googleId) await enqueue({ contactId: id, type: 'create', person: personFor(contact, ctx.tenant, groupName), hash, outcome: 'created', tries: 0 });
      else if (r.link_hash !== hash) {
        await enqueue({ contactId: id, type: 'update', resourceName: googleId, etag: r.link_etag as string | null, person: personFor(contact, ctx.tenant, null), hash, outcome: 'updated', tries: 0 });
      } else ctx.progress.item('skipped');
    }
    await links.purge(forgotten);
  }
  await drain();

  // 4. Follow-ups: stale etags read again, contacts deleted in Google made again, strays deleted.
  for (let round = 0; later.length && round < FOLLOW_UP_ROUNDS * 2; round++) {
    for (const op of later.splice(0)) {
      if (op.refresh) {
        op.refresh = false;
        try {
          op.etag = (await call(() => people.people.get({ resourceName: op.resourceName!, personFields: 'metadata' }))).etag ?? null;
        } catch (err) {
          if (httpStatusOf(err) !== 404) throw err;
          Object.assign(op, { type: 'create', resourceName: undefined, etag: undefined, person: { ...op.person, memberships: [{ contactGroupMembership: { contactGroupResourceName: groupName } }] } });
        }
      }
      if (op.type === 'create' && !op.person?.memberships) op.person = { ...op.person, memberships: [{ contactGroupMembership: { contactGroupResourceName: groupName } }] };
      await enqueue(op);
    }
    await drain();
  }

  // 5. Inserts whose answer was lost: look for them again (reads may lag), never insert twice.
  for (let i = 0; unknown.size && i <= RECONCILE_WAITS_MS.length; i++) {
    const { byContact } = await readOurs();
    const found: LinkWrite[] = [];
    for (const [id, u] of unknown) {
      const o = byContact.get(id);
      if (!o) continue;
      found.push({ contactId: id, googleId: o.resourceName, etag: o.etag, hash: u.hash });
      unknown.delete(id);
      ctx.progress.item('created');
    }
    await links.save(found);
    if (!unknown.size || i === RECONCILE_WAITS_MS.length || ctx.signal.aborted) break;
    await sleep(RECONCILE_WAITS_MS[i]!, ctx.signal);
  }
  for (let i = 0; i < unknown.size; i++) ctx.progress.item('skipped'); // still pending: the next run looks again before inserting
  if (unknown.size) ctx.log.warn({ pending: unknown.size }, 'contact inserts whose answer was lost are not visible yet; the next run reconciles them');
  ctx.progress.setPhase('done');
}
