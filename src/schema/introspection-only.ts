import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

const OPEN_ROOT_FIELDS = new Set(['__typename', '__schema', '__type']);

/** True when an operation selects nothing at its root but `__typename` and introspection. */
export function isIntrospectionOnly(operation: OperationDefinitionNode, document: DocumentNode): boolean {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const seen = new Set<string>();
  const check = (set: SelectionSetNode): boolean =>
    set.selections.every((sel) => {
      if (sel.kind === Kind.FIELD) return OPEN_ROOT_FIELDS.has(sel.name.value);
      if (sel.kind === Kind.INLINE_FRAGMENT) return check(sel.selectionSet);
      if (seen.has(sel.name.value)) return true;
      seen.add(sel.name.value);
      const frag = fragments.get(sel.name.value);
      return frag ? check(frag.selectionSet) : true;
    });
  return operation.operation === 'query' && check(operation.selectionSet);
}
