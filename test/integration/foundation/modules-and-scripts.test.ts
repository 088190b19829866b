import { execFileSync } from 'node:child_process';
import { lexicographicSortSchema, parse, print, printSchema, specifiedRules, validate, type DocumentNode } from 'graphql';
import { loadConfig } from '../../../src/config';
import { hardening } from '../../../src/schema/hardening';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registeredModules } from '../../../src/modules';
import { buildGatewaySchema } from '../../../src/schema/build-schema';
import { CallerVerifier } from '../../../src/schema/caller';
import { notesModule } from '../../fixtures/notes';
import { REPO } from '../../helpers/process';
import { TEST_JWT_SECRET } from '../../helpers/gateway';
import * as generated from '../../../operations/generated/graphql';

describe('module system', () => {
  it('builds the schema from the enabled modules only', async () => {
    const withNotes = await buildGatewaySchema([...registeredModules, notesModule], null);
    expect(withNotes.getType('Note')).toBeDefined();
    const authOnly = await buildGatewaySchema(
      registeredModules.filter((m) => m.name === 'auth'),
      null,
    );
    expect(authOnly.getType('Note')).toBeUndefined();
    // MODULES=auth: no task type at all.
    expect(authOnly.getType('Task')).toBeUndefined();
    expect(authOnly.getQueryType()!.getFields().taskCalendar).toBeUndefined();
    expect((await buildGatewaySchema(registeredModules, null)).getType('Task')).toBeDefined();
    expect(authOnly.getQueryType()!.getFields().viewer).toBeDefined();
  });

  it('schema.graphql is what the registered modules build', async () => {
    const schema = await buildGatewaySchema(registeredModules, null);
    const committed = readFileSync(path.join(REPO, 'schema.graphql'), 'utf8');
    expect(committed).toBe(`${printSchema(lexicographicSortSchema(schema))}\n`);
  });
});

describe('npm run token', () => {
  it('prints a verifiable JWT and nothing else on stdout', async () => {
    const out = execFileSync('npm', ['run', '-s', 'token', '--', '--tenant', 'demo', '--role', 'admin', '--sub', 'alice'], {
      cwd: REPO,
      env: { ...process.env, JWT_SECRET: TEST_JWT_SECRET },
      encoding: 'utf8',
    });
    expect(out).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const caller = await new CallerVerifier({ kind: 'secret', secret: TEST_JWT_SECRET }).verify(out.trim());
    expect(caller).toEqual({ sub: 'alice', tenant: 'demo', roles: ['admin'] });
  });

  it('refuses an unknown role with a message on stderr', () => {
    let stderr = '';
    try {
      execFileSync('npm', ['run', '-s', 'token', '--', '--tenant', 'demo', '--role', 'root'], {
        cwd: REPO,
        env: { ...process.env, JWT_SECRET: TEST_JWT_SECRET },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (err) {
      stderr = String((err as { stderr: string }).stderr);
    }
    expect(stderr).toMatch(/--role must be one of admin, user/);
  });
});

describe('operations/ (what frontends send)', () => {
  it('every document validates against the schema', async () => {
    const schema = await buildGatewaySchema(registeredModules, null);
    const dir = path.join(REPO, 'operations');
    const files = readdirSync(dir).filter((f) => f.endsWith('.graphql'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      // …including the default query limits: what frontends send must not be refused.
      const rules = [...specifiedRules, ...hardening(loadConfig({ JWT_SECRET: 'x'.repeat(40), SECRETS_KEY: Buffer.alloc(32).toString('base64') })).validationRules];
      expect(
        validate(schema, parse(readFileSync(path.join(dir, file), 'utf8'), { maxTokens: 2000 }), rules).map((e) => e.message),
        file,
      ).toEqual([]);
    }
  });

  it('each console operation, as the console sends it, passes the default query limits', async () => {
    const schema = await buildGatewaySchema(registeredModules, null);
    const rules = [...specifiedRules, ...hardening(loadConfig({ JWT_SECRET: 'x'.repeat(40), SECRETS_KEY: Buffer.alloc(32).toString('base64') })).validationRules];
    const documents = Object.entries(generated).filter(([name]) => name.startsWith('Console') && name.endsWith('Document'));
    expect(documents.length).toBeGreaterThan(20);
    for (const [name, doc] of documents) {
      expect(
        validate(schema, parse(print(doc as DocumentNode), { maxTokens: 2000 }), rules).map((e) => e.message),
        name,
      ).toEqual([]);
    }
  });
});
