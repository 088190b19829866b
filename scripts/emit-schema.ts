import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { registeredModules } from '../src/modules';
import { buildGatewaySchema } from '../src/schema/build-schema';

/** Writes schema.graphql from every registered module (the full contract). */
async function main(): Promise<void> {
  const schema = await buildGatewaySchema(registeredModules, null);
  const target = path.resolve(__dirname, '..', 'schema.graphql');
  writeFileSync(target, `${printSchema(lexicographicSortSchema(schema))}\n`);
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
