import { Checkpoint } from './job-helpers';

/** What a LaneCheckpoint persists as the run's cursor. */
interface LaneCursor {
  v: 2;
  lanes: Record<string, unknown>;
}

const MAX_LANES_IN_CURSOR = 100_000;

/**
 * Runs a job's items in lanes (one per acting Google user, e.g. per employee) round-robin, with at
 * most `limit` calls in flight in all and `perLane` in one lane, so that a lane whose user is slow
 * or throttled holds at most `perLane` workers and never the others. Each lane keeps its own
 * Checkpoint (items sorted by key within the lane); the whole is the run's cursor.
 */
export class LaneCheckpoint {
  private readonly lanes = new Map<string, Checkpoint>();
  private readonly resumed: Record<string, unknown>;

  private constructor(resumed: Record<string, unknown>) {
    this.resumed = resumed;
  }

  /** Reads a run's persisted cursor; anything that is not a LaneCheckpoint's starts from the beginning. */
  static resume(cursor: unknown): LaneCheckpoint {
    const c = cursor as Partial<LaneCursor> | null;
    const valid = typeof c === 'object' && c !== null && c.v === 2 && typeof c.lanes === 'object' && c.lanes !== null && Object.keys(c.lanes).length <= MAX_LANES_IN_CURSOR;
    return new LaneCheckpoint(valid ? (c.lanes as Record<string, unknown>) : {});
  }

  /** The lane's checkpoint (resumed from the cursor when it was there). */
  lane(name: string): Checkpoint {
    let cp = this.lanes.get(name);
    if (!cp) this.lanes.set(name, (cp = Checkpoint.resume(this.resumed[name] ?? null)));
    return cp;
  }

  /** Items done before this run was resumed, over every lane of the cursor. */
  get doneCount(): number {
    let n = 0;
    for (const name of Object.keys(this.resumed)) n += this.lane(name).doneCount;
    return n;
  }

  toJSON(): LaneCursor {
    const lanes: Record<string, unknown> = { ...this.resumed };
    for (const [name, cp] of this.lanes) lanes[name] = cp.toJSON();
    return { v: 2, lanes };
  }

  /**
   * Runs `fn` over the pending items of every lane; `fn` must call `lane.done(key)` for each item it
   * completes or records as failed. The first failure stops new items from starting, and so does the signal.
   */
  async run<T>(
    lanes: ReadonlyMap<string, readonly T[]>,
    key: (item: T) => string,
    options: { limit: number; perLane: number; window?: number },
    fn: (item: T, lane: Checkpoint) => Promise<void>,
    signal: AbortSignal,
  ): Promise<void> {
    const window = options.window ?? 256;
    const states = [...lanes].map(([name, all]) => {
      const cp = this.lane(name);
      const items = cp.pending(all, key);
      cp.track(items, key);
      return { cp, items, next: 0, inFlight: 0 };
    });
    let turn = 0;
    let failed: { error: unknown } | null = null;
    let wake: (() => void)[] = [];
    const notify = () => wake.splice(0).forEach((w) => w());
    signal.addEventListener('abort', notify);
    const pick = () => {
      for (let i = 0; i < states.length; i++) {
        const s = states[(turn + i) % states.length]!;
        if (s.next < s.items.length && s.inFlight < options.perLane && s.cp.aheadOfOldest(s.next) < window) {
          turn = (turn + i + 1) % states.length;
          return s;
        }
      }
      return null;
    };
    const worker = async () => {
      while (failed === null && !signal.aborted) {
        const s = pick();
        if (!s) {
          if (states.every((x) => x.next >= x.items.length && x.inFlight === 0)) return;
          if (states.every((x) => x.next >= x.items.length)) return;
          await new Promise<void>((resolve) => wake.push(resolve));
          continue;
        }
        const index = s.next++;
        s.inFlight++;
        try {
          await fn(s.items[index]!, s.cp);
          if (!s.cp.isDone(index)) throw new Error(`LaneCheckpoint: the job returned from item ${key(s.items[index]!)} without calling done()`);
        } catch (error) {
          failed ??= { error };
        } finally {
          s.inFlight--;
          notify();
        }
      }
    };
    const total = states.reduce((n, s) => n + s.items.length, 0);
    try {
      await Promise.all(Array.from({ length: Math.max(0, Math.min(options.limit, total)) }, worker));
    } finally {
      signal.removeEventListener('abort', notify);
      wake = [];
    }
    if (failed !== null) throw (failed as { error: unknown }).error;
  }
}
