import { describe, expect, it } from 'vitest';
import { Checkpoint } from './job-helpers';

const keys = Array.from({ length: 20 }, (_, i) => `k${String(i).padStart(2, '0')}`);

describe('Checkpoint', () => {
  it('persists what finished out of order, and a resumed run skips exactly that', async () => {
    const cp = Checkpoint.resume(null);
    const todo = cp.pending(keys, (k) => k);
    const order: string[] = [];
    let seen: unknown = null;
    // k03 is slow: the others finish first; the job stops (as if killed) after 8 items.
    await expect(
      cp.inParallel(
        todo,
        (k) => k,
        3,
        async (k) => {
          await new Promise((r) => setTimeout(r, k === 'k03' ? 30 : 1));
          if (order.length === 8) throw new Error('killed');
          order.push(k);
          seen = JSON.parse(JSON.stringify(cp.done(k)));
        },
        new AbortController().signal,
      ),
    ).rejects.toThrow('killed');
    const cursor = seen as { after: string; done: string[]; count: number };
    expect(cursor.count).toBe(8);
    expect(cursor.after! < 'k03').toBe(true);

    const resumed = Checkpoint.resume(cursor);
    const left = resumed.pending(keys, (k) => k);
    expect(resumed.doneCount + left.length).toBe(keys.length);
    expect(left.filter((k) => order.includes(k))).toEqual([]);
  });

  it('never runs more than `window` items ahead of the oldest unfinished one', async () => {
    const cp = Checkpoint.resume(null);
    let release: () => void = () => undefined;
    const slow = new Promise<void>((r) => (release = r));
    const started: string[] = [];
    const run = cp.inParallel(
      keys,
      (k) => k,
      4,
      async (k) => {
        started.push(k);
        if (k === 'k00') await slow;
        cp.done(k);
      },
      new AbortController().signal,
      5,
    );
    await expect.poll(() => started.length).toBe(5);
    await new Promise((r) => setTimeout(r, 20));
    expect(started).toHaveLength(5);
    expect(JSON.parse(JSON.stringify(cp)).done).toHaveLength(4);
    release();
    await run;
    expect(started).toHaveLength(20);
    expect(JSON.parse(JSON.stringify(cp))).toEqual({ v: 1, after: 'k19', done: [], count: 20 });
  });

  it('starts over from a cursor that is not its own, and refuses an item it does not run', () => {
    expect(() => Checkpoint.resume(null).done('k00')).toThrow(/not one of the pending items/);
    for (const bad of [42, 'x', { v: 2 }, { v: 1, after: 1, done: [], count: 0 }, { v: 1, after: null, done: [{}], count: 0 }, { v: 1, after: null, done: [], count: -1 }]) {
      expect(Checkpoint.resume(bad).pending(keys, (k) => k)).toHaveLength(20);
    }
  });
});
