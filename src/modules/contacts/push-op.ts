import type { ItemOutcome } from '../../kernel/sync-job';

/** Rounds of follow-ups (re-read after 412, re-create after 404, per-operation 5xx) before an item is given up. */
export const FOLLOW_UP_ROUNDS = 4;

/** One write of a contacts push, as both targets (domain shared contacts, a user's People group) queue it. */
export interface PushOp<Type extends string> {
  contactId: string;
  type: Type;
  etag?: string | null;
  /** The content hash the link records once the write is done. */
  hash?: string;
  /** What the item counts as once done. */
  outcome: ItemOutcome;
  /** The etag is stale: read the entry again before sending. */
  refresh?: boolean;
  tries: number;
  /** A tombstone: remove the row once Google no longer has it. */
  tombstone?: boolean;
  /** Not an ERP contact's item (an orphan or a duplicate of ours): not counted. */
  stray?: boolean;
}
