import { describe, expect, it } from 'vitest';
import { LaneCheckpoint } from './lanes';

const items = (lane: string, n: number) => Array.from({ length: n }, (_, i) => `${lane}${String(i).padStart(3, '0')}`);

describe('LaneCheckpoint', () => {
  it('takes lanes round-robin, with at most perLane in flight in one lane', async () => {
    const lanes = new Map([
      ['a', items('a', 6)],
      ['b', items('b', 2)],
      ['c', items('c', 2)],
    ]);
    const cp = LaneCheckpoint.resume(null);
    const started: string[] = [];
    const inFlight = new Map<string, number>();
    let maxA = 0;
    await cp.run(
      lanes,
      (k) => k,
      { limit: 3, perLane: 1 },
      async (k, lane) => {
        started.push(k);
        inFlight.set(k[0]!, (inFlight.get(k[0]!) ?? 0) + 1);
        maxA = Math.max(maxA, inFlight.get('a') ?? 0);
        await new Promise((r) => setTimeout(r, k.startsWith('a') ? 5 : 1));
        inFlight.set(k[0]!, inFlight.get(k[0]!)! - 1);
        lane.done(k);
      },
      new AbortController().signal,
    );
    expect(started.slice(0, 3).sort()).toEqual(['a000', 'b000', 'c000']);
    expect(maxA).toBe(1);
    expect(started).toHaveLength(10);
  });

  it('a slow lane holds only its own workers: the others finish first', async () => {
    const lanes = new Map([
      ['slow', items('s', 3)],
      ['fast', items('f', 20)],
    ]);
    const finished: string[] = [];
    await LaneCheckpoint.resume(null).run(
      lanes,
      (k) => k,
      { limit: 4, perLane: 2 },
      async (k, lane) => {
        await new Promise((r) => setTimeout(r, k.startsWith('s') ? 60 : 1));
        finished.push(k);
        lane.done(k);
      },
      new AbortController().signal,
    );
    expect(finished.findIndex((k) => k.startsWith('s'))).toBeGreaterThanOrEqual(15);
  });

  it('resumes from its cursor: items done in each lane are skipped and counted', async () => {
    const lanes = new Map([
      ['a', items('a', 4)],
      ['b', items('b', 4)],
    ]);
    const first = LaneCheckpoint.resume(null);
    const controller = new AbortController();
    let n = 0;
    await first.run(
      lanes,
      (k) => k,
      { limit: 1, perLane: 1 },
      async (k, lane) => {
        lane.done(k);
        if (++n === 3) controller.abort();
      },
      controller.signal,
    );
    const resumed = LaneCheckpoint.resume(JSON.parse(JSON.stringify(first)));
    expect(resumed.doneCount).toBe(3);
    const seen: string[] = [];
    await resumed.run(
      lanes,
      (k) => k,
      { limit: 2, perLane: 1 },
      async (k, lane) => void (seen.push(k), lane.done(k)),
      new AbortController().signal,
    );
    expect(seen).toHaveLength(5);
    expect(LaneCheckpoint.resume({ v: 1, after: null }).doneCount).toBe(0);
  });
});
