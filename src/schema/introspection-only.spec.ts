import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isIntrospectionOnly } from './introspection-only';

function check(query: string): boolean {
  const doc = parse(query);
  return isIntrospectionOnly(doc.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode, doc);
}

describe('isIntrospectionOnly', () => {
  it('accepts __typename, __schema and __type, also through fragments', () => {
    expect(check('{ __typename }')).toBe(true);
    expect(check('{ __schema { types { name } } __type(name: "Query") { name } }')).toBe(true);
    expect(check('{ ... on Query { __typename } ...F } fragment F on Query { __schema { queryType { name } } }')).toBe(true);
  });

  it('refuses any other root field, however it is hidden', () => {
    expect(check('{ viewer { tenant } }')).toBe(false);
    expect(check('{ __typename v: viewer { tenant } }')).toBe(false);
    expect(check('{ ... on Query { viewer { tenant } } }')).toBe(false);
    expect(check('{ ...F } fragment F on Query { viewer { tenant } }')).toBe(false);
    expect(check('mutation { __typename }')).toBe(false);
    expect(check('subscription { __typename }')).toBe(false);
  });
});
