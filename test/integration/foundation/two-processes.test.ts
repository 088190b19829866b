import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, gql, sleep, wsClient } from '../../helpers/client';
import { startTestGateway, testEnv, type TestGateway } from '../../helpers/gateway';
import { startGatewayProcess, type GatewayProcess } from '../../helpers/process';

let local: TestGateway;
let other: GatewayProcess;

beforeAll(async () => {
  local = await startTestGateway();
  other = await startGatewayProcess(testEnv(local.databaseUrl, { LOG_LEVEL: 'info' }));
});
afterAll(async () => {
  await other?.stop();
  await local?.stop();
});

describe('pub/sub across gateway processes (PostgreSQL LISTEN/NOTIFY)', () => {
  it('an event published by one process reaches a subscriber of another, for its tenant only', async () => {
    const mine = wsClient(other.wsUrl, await local.token('two-a'));
    const theirs = wsClient(other.wsUrl, await local.token('two-b'));
    try {
      const subA = collect<{ data: { cacheReset: { tenant: string } } }>(mine, 'subscription { cacheReset { tenant reason } }');
      const subB = collect(theirs, 'subscription { cacheReset { tenant } }');
      await sleep(500);
      const res = await gql(local.url, 'mutation { resetCaches { tenant } }', { token: await local.token('two-a', ['admin']) });
      expect(res.body.errors).toBeUndefined();
      await subA.until(() => subA.events.length === 1, 5000);
      expect(subA.events[0]!.data.cacheReset.tenant).toBe('two-a');
      await sleep(300);
      expect(subB.events).toEqual([]);
    } finally {
      await mine.dispose();
      await theirs.dispose();
    }
  });

  it('a reset asked on one process clears the caches of the other', async () => {
    const res = await gql(local.url, 'mutation { resetCaches { tenant } }', { token: await local.token('two-c', ['admin']) });
    expect(res.body.errors).toBeUndefined();
    const deadline = Date.now() + 5000;
    const cleared = () =>
      other.stdout
        .join('')
        .split('\n')
        .some((l) => l.includes('"caches reset"') && l.includes('"tenant":"two-c"'));
    while (!cleared() && Date.now() < deadline) await sleep(50);
    expect(cleared()).toBe(true);
  });
});
