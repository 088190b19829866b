/**
 * Runs `fn` over the items with at most `limit` calls in flight (the rate limiter still paces
 * them); the first failure stops the others from starting, and so does the signal.
 */
export async function inParallel<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>, signal: AbortSignal): Promise<void> {
  let next = 0;
  let failed: { error: unknown } | null = null;
  const worker = async () => {
    while (failed === null && !signal.aborted && next < items.length) {
      const item = items[next++]!;
      try {
        await fn(item);
      } catch (error) {
        failed ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failed !== null) throw (failed as { error: unknown }).error;
}

/** What a Checkpoint persists as the run's cursor. */
interface CheckpointCursor {
  v: 1;
  /** Every item whose key is ≤ this one is done. */
  after: string | null;
  /** Items done beyond `after` (at most the window). */
  done: string[];
  /** Items done in all, as counted in the run's counters. */
  count: number;
}

const MAX_KEY_LENGTH = 200;

/**
 * Where a resumed run continues when a job works on items sorted by a string key, several at a
 * time, so that they finish out of order: every item up to a key is done, plus a few beyond it.
 * Pass it as the cursor of `progress.item` (it serializes itself when the engine persists it,
 * together with the counters), so that a resumed run skips exactly the items already counted.
 * Workers never run more than `window` items ahead of the oldest unfinished one, which bounds
 * the cursor's size.
 */
export class Checkpoint {
  private after: string | null;
  private readonly doneBeyond: Set<string>;
  private count: number;
  private keys: string[] = [];
  private position = new Map<string, number>();
  private finished: boolean[] = [];
  /** Index (in the pending items) of the oldest unfinished one. */
  private low = 0;
  private waiters: (() => void)[] = [];

  private constructor(after: string | null, done: string[], count: number) {
    this.after = after;
    this.doneBeyond = new Set(done);
    this.count = count;
  }

  /** Reads a run's persisted cursor; anything that is not a Checkpoint's starts from the beginning. */
  static resume(cursor: unknown): Checkpoint {
    const c = cursor as Partial<CheckpointCursor> | null;
    const valid =
      typeof c === 'object' &&
      c !== null &&
      c.v === 1 &&
      (c.after === null || (typeof c.after === 'string' && c.after.length <= MAX_KEY_LENGTH)) &&
      Array.isArray(c.done) &&
      c.done.every((k) => typeof k === 'string' && k.length <= MAX_KEY_LENGTH) &&
      Number.isSafeInteger(c.count) &&
      (c.count as number) >= 0;
    return valid ? new Checkpoint(c.after ?? null, c.done as string[], c.count as number) : new Checkpoint(null, [], 0);
  }

  /** Items done before this run was resumed (0 for a fresh run). */
  get doneCount(): number {
    return this.count;
  }

  /** The items (sorted by `key`, ascending in code-unit order) that are not done yet. */
  pending<T>(items: readonly T[], key: (item: T) => string): T[] {
    return items.filter((item) => {
      const k = key(item);
      return (this.after === null || k > this.after) && !this.doneBeyond.has(k);
    });
  }

  /** Marks an item done; call it in the same tick as `progress.item` and pass the checkpoint as its cursor. */
  done(key: string): this {
    const i = this.position.get(key);
    if (i === undefined || this.finished[i]) throw new Error(`Checkpoint: item ${key} is not one of the pending items or is done already`);
    this.finished[i] = true;
    this.count++;
    if (i === this.low) {
      while (this.low < this.keys.length && this.finished[this.low]) {
        this.doneBeyond.delete(this.keys[this.low]!);
        this.low++;
      }
      if (this.low > 0) this.after = this.keys[this.low - 1]!;
      const after = this.after;
      if (after !== null) for (const k of this.doneBeyond) if (k <= after) this.doneBeyond.delete(k);
      for (const wake of this.waiters.splice(0)) wake();
    } else {
      this.doneBeyond.add(key);
    }
    return this;
  }

  /** Starts tracking the pending items (in the order they will be started) for `done`. */
  track<T>(items: readonly T[], key: (item: T) => string): void {
    this.keys = items.map(key);
    this.position = new Map(this.keys.map((k, i) => [k, i]));
    this.finished = this.keys.map(() => false);
    this.low = 0;
  }

  /** Whether the tracked item at `index` is done. */
  isDone(index: number): boolean {
    return this.finished[index] === true;
  }

  /** How far item `index` is ahead of the oldest unfinished tracked item. */
  aheadOfOldest(index: number): number {
    return index - this.low;
  }

  toJSON(): CheckpointCursor {
    return { v: 1, after: this.after, done: [...this.doneBeyond], count: this.count };
  }

  /**
   * Runs `fn` over the pending items as inParallel does, with at most `limit` in flight and none
   * more than `window` items ahead of the oldest unfinished one. `fn` must call `done(key)` for
   * each item it completes (or records as failed).
   */
  async inParallel<T>(items: readonly T[], key: (item: T) => string, limit: number, fn: (item: T) => Promise<void>, signal: AbortSignal, window = 256): Promise<void> {
    this.track(items, key);
    let next = 0;
    let failed: { error: unknown } | null = null;
    const onAbort = () => this.waiters.splice(0).forEach((wake) => wake());
    signal.addEventListener('abort', onAbort);
    const worker = async () => {
      while (failed === null && !signal.aborted && next < items.length) {
        if (next - this.low >= window) {
          await new Promise<void>((resolve) => this.waiters.push(resolve));
          continue;
        }
        const index = next++;
        const item = items[index]!;
        try {
          await fn(item);
          if (!this.finished[index]) throw new Error(`Checkpoint: the job returned from item ${this.keys[index]} without calling done()`);
        } catch (error) {
          failed ??= { error };
          onAbort();
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
    if (failed !== null) throw (failed as { error: unknown }).error;
  }
}
