import { buildSchema, GraphQLError, parse, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../kernel/logger';
import { GatewayMetrics } from '../kernel/metrics';
import { OperationExecutor, selectsList } from './compiled-execution';

const schema = buildSchema(`
  type Query { hello(name: String!): String!, items: [Item!]!, fail: String! }
  type Item { id: ID!, label: String }
`);
Object.assign(schema.getQueryType()!.getFields().hello!, { resolve: (_: unknown, { name }: { name: string }) => `hello ${name}` });
Object.assign(schema.getQueryType()!.getFields().items!, { resolve: () => [{ id: 1, label: 'a' }, { id: 2 }] });
Object.assign(schema.getQueryType()!.getFields().fail!, {
  resolve: () => {
    throw new GraphQLError('no', { extensions: { code: 'NOPE' } });
  },
});

function executor(max = 1000, listsOnly = false) {
  const lines: string[] = [];
  const log = createLogger('warn', { write: (line: string) => lines.push(line) } as unknown as NodeJS.WritableStream);
  const metrics = new GatewayMetrics();
  const exec = new OperationExecutor(schema, log, metrics, true, max, listsOnly);
  const count = async (executor: string) => (await metrics.executions.get()).values.find((v) => v.labels.executor === executor)?.value ?? 0;
  return { exec, lines, count };
}

const run = async (exec: OperationExecutor, query: string, variableValues?: Record<string, unknown>): Promise<ExecutionResult> =>
  exec.execute({ schema, document: parse(query), variableValues, contextValue: {} });

describe('OperationExecutor', () => {
  it('runs compiled, with graphql-js errors (key order, extensions, locations, path)', async () => {
    const { exec, count } = executor();
    const document = parse('query($n: String!) { hello(name: $n) items { id label } }');
    expect(await exec.execute({ schema, document, variableValues: { n: 'x' } })).toEqual({
      data: {
        hello: 'hello x',
        items: [
          { id: '1', label: 'a' },
          { id: '2', label: null },
        ],
      },
    });
    const failed = await run(exec, '{ fail }');
    expect(JSON.stringify(failed)).toBe('{"errors":[{"message":"no","locations":[{"line":1,"column":3}],"path":["fail"],"extensions":{"code":"NOPE"}}],"data":null}');
    expect(failed.errors![0]).toBeInstanceOf(GraphQLError);
    expect(await count('jit')).toBe(2);
  });

  it('leaves bad variables to graphql-js, in its words', async () => {
    const { exec } = executor();
    const result = await run(exec, 'query($n: String!) { hello(name: $n) }', {});
    expect(result.data).toBeUndefined();
    expect(result.errors!.map((e) => e.message)).toEqual(['Variable "$n" of required type "String!" was not provided.']);
  });

  it('compiles once per document and operation, and keeps a bounded number of documents', async () => {
    const { exec } = executor(2);
    const a = parse('query A { hello(name: "a") } query B { hello(name: "b") }');
    await exec.execute({ schema, document: a, operationName: 'A' });
    await exec.execute({ schema, document: a, operationName: 'B' });
    expect(exec.size).toBe(1);
    await run(exec, '{ items { id } }');
    await run(exec, '{ fail }');
    expect(exec.size).toBe(2);
  });

  it('falls back to graphql-js where graphql-jit cannot compile, and says so once per document', async () => {
    const { exec, lines, count } = executor();
    // Not validated here (Apollo and graphql-ws validate first): graphql-jit cannot compile a variable of an unknown type.
    const document = parse('query($x: Nope) { hello(name: "x") }');
    for (let i = 0; i < 3; i++) {
      const result = await exec.execute({ schema, document });
      expect(result.errors!.map((e) => e.message)).toEqual(['Variable "$x" expected value of type "Nope" which cannot be used as an input type.']);
    }
    expect(lines.filter((l) => l.includes('graphql-jit cannot compile'))).toHaveLength(1);
    expect(await count('graphql-js')).toBe(3);
  });

  it('by default compiles only documents that select a list (fragments included); the others run with graphql-js', async () => {
    expect(selectsList(schema, parse('{ hello(name: "a") fail }'))).toBe(false);
    expect(selectsList(schema, parse('{ items { id } }'))).toBe(true);
    expect(selectsList(schema, parse('{ ...F } fragment F on Query { items { label } }'))).toBe(true);
    const { exec, count } = executor(1000, true);
    expect(await run(exec, '{ hello(name: "a") }')).toEqual({ data: { hello: 'hello a' } });
    expect(await count('graphql-js')).toBe(1);
    expect(await count('jit')).toBe(0);
    expect(await run(exec, '{ items { id label } }')).toEqual({
      data: {
        items: [
          { id: '1', label: 'a' },
          { id: '2', label: null },
        ],
      },
    });
    expect(await count('jit')).toBe(1);
  });

  it('GRAPHQL_JIT=false: graphql-js only', async () => {
    const lines: string[] = [];
    const metrics = new GatewayMetrics();
    const exec = new OperationExecutor(schema, createLogger('warn', { write: (l: string) => lines.push(l) } as unknown as NodeJS.WritableStream), metrics, false);
    expect(await run(exec, '{ hello(name: "y") }')).toEqual({ data: { hello: 'hello y' } });
    expect(exec.size).toBe(0);
  });
});
