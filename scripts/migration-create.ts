import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

/**
 * `npm run migration:create -- --module <name> --name <what_it_does>`: writes an empty migration in
 * the module's own migrations folder (src/modules/<name>/migrations) and adds it to that folder's
 * index.ts, the list the module's contract hands to the ORM.
 */
function main(): void {
  const { values } = parseArgs({ options: { module: { type: 'string' }, name: { type: 'string' } }, strict: true });
  const module = values.module ?? '';
  const name = values.name ?? '';
  if (!/^[a-z][a-z0-9-]*$/.test(module)) fail('--module must name a module folder, e.g. --module tasks');
  if (!/^[a-z][a-z0-9_]{0,60}$/.test(name)) fail('--name must be lowercase words joined by "_", e.g. --name add_task_priority');
  const dir = path.resolve(__dirname, '..', 'src', 'modules', module, 'migrations');
  const index = path.join(dir, 'index.ts');
  if (!existsSync(index)) fail(`${path.relative(process.cwd(), index)} does not exist: a module lists its migrations there`);
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const className = `Migration${stamp}_${name}`;
  writeFileSync(
    path.join(dir, `${className}.ts`),
    `import { Migration } from '@mikro-orm/migrations';

/** TODO: one line saying what this migration changes and why. */
export class ${className} extends Migration {
  override async up(): Promise<void> {
    this.addSql('');
  }

  override async down(): Promise<void> {
    this.addSql('');
  }
}
`,
    { flag: 'wx' },
  );
  const source = readFileSync(index, 'utf8');
  const close = source.lastIndexOf('];');
  if (close === -1) fail(`${index} has no migration list ("[ … ];") to add to`);
  const entry = `{ name: '${className}', class: ${className} }`;
  const before = source.slice(0, close).trimEnd();
  const list = before.endsWith('[') ? `${before}${entry}` : `${before.replace(/,?$/, ',')} ${entry}`;
  writeFileSync(index, `import { ${className} } from './${className}';\n${list}];${source.slice(close + 2)}`);
  process.stdout.write(`created src/modules/${module}/migrations/${className}.ts and listed it in its index.ts\n`);
}

function fail(message: string): never {
  process.stderr.write(`migration:create: ${message}\n`);
  process.exit(2);
}

main();
