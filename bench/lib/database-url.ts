import path from 'node:path';
import { runningEmbeddedUrl } from '../../src/db/embedded-postgres';
import type { RunningGateway } from './gateway';
import type { BenchContext } from './types';

/** The database the gateway child uses: its fresh bench database, or the embedded one in .data/bench. */
export function gatewayDatabaseUrl(ctx: BenchContext, gw: RunningGateway): string {
  const url = gw.database?.url ?? runningEmbeddedUrl(path.join(ctx.repoRoot, '.data', 'bench'));
  if (!url) throw new Error('cannot find the gateway’s database');
  return url;
}
