import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config';
import { migrate } from '../src/db/orm';
import { withScriptDatabase } from '../src/db/script-database';
import { TENANT_PATTERN } from '../src/kernel/caller';
import { createLogger } from '../src/kernel/logger';
import { registeredModules } from '../src/modules';
import { seedTasks } from '../src/modules/tasks/seed';
import { closeServices, createServices } from '../src/services';

/** `npm run seed -- --tenant demo --employees 200 --tasks 100000`: a realistic data set in seconds. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { tenant: { type: 'string' }, employees: { type: 'string' }, tasks: { type: 'string' } }, strict: true });
  const tenant = values.tenant ?? 'demo';
  if (!TENANT_PATTERN.test(tenant)) throw new ConfigError('--tenant', 'must be 1-63 lowercase letters, digits, "-" or "_"');
  const count = (v: string | undefined, name: string, fallback: number, max: number) => {
    const n = v === undefined ? fallback : Number(v);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new ConfigError(name, `must be a whole number from 1 to ${max}`);
    return n;
  };
  const employees = count(values.employees, '--employees', 20, 100_000);
  const tasks = count(values.tasks, '--tasks', 1000, 10_000_000);
  const config = loadConfig(process.env, registeredModules);
  if (!config.modules.includes('tasks')) throw new ConfigError('MODULES', 'the seed writes tasks: enable the tasks module');
  const log = createLogger('warn', undefined, config.logFormat);
  await withScriptDatabase(config, log, async (url) => {
    const services = await createServices(config, log, { databaseUrl: url, available: registeredModules, worker: false });
    try {
      await migrate(services.orm);
    } finally {
      await closeServices(services);
    }
    const r = await seedTasks(url, { tenant, employees, tasks });
    process.stdout.write(`seeded tenant ${tenant}: ${r.employees} employees, ${r.partners} partners, ${r.projects} projects, ${r.tasks} tasks in ${r.ms} ms\n`);
  });
}

main().catch((err) => {
  process.stderr.write(`seed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(err instanceof ConfigError ? 64 : 1);
});
