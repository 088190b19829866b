// Runs on `npm install` / `npm ci` (npm's "prepare"): installs the console's own dependencies
// (web/package-lock.json) and builds it into web/dist, which the gateway serves at /.
// The build output is never committed. Set SKIP_WEB_BUILD=1 to skip (e.g. an API-only image).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const web = path.resolve(import.meta.dirname, '..', 'web');
if (process.env.SKIP_WEB_BUILD === '1') {
  console.log('prepare: SKIP_WEB_BUILD=1, the admin console is not built');
  process.exit(0);
}
if (!existsSync(path.join(web, 'package.json'))) process.exit(0);

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (args) => {
  const r = spawnSync(npm, args, { cwd: web, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`prepare: "npm ${args.join(' ')}" in web/ failed`);
    process.exit(r.status ?? 1);
  }
};
run(['ci', '--no-audit', '--no-fund']);
run(['run', 'build']);
