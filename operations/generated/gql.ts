/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation ResetCaches {\n  resetCaches {\n    tenant\n    reason\n    at\n    requestedBy\n  }\n}\n\nsubscription CacheReset {\n  cacheReset {\n    tenant\n    reason\n    at\n  }\n}": typeof types.ResetCachesDocument,
    "fragment CalendarTask on Task {\n  id\n  title\n  status\n  allDay\n  startsAt\n  endsAt\n  startDate\n  endDate\n  location\n  partner {\n    id\n    name\n  }\n  project {\n    id\n    name\n  }\n}\n\nquery TaskCalendarByEmployee($range: DateRangeInput!, $filter: TaskFilter) {\n  taskCalendar(range: $range, filter: $filter, groupBy: EMPLOYEE) {\n    timeZone\n    totalTasks\n    groups {\n      key\n      label\n      taskCount\n      employee {\n        id\n        name\n      }\n      tasks {\n        ...CalendarTask\n      }\n    }\n  }\n}\n\nquery TaskCalendarByWeek($range: DateRangeInput!, $filter: TaskFilter) {\n  taskCalendar(range: $range, filter: $filter, groupBy: WEEK) {\n    timeZone\n    groups {\n      key\n      periodStart\n      periodEnd\n      taskCount\n      tasks {\n        ...CalendarTask\n        employee {\n          id\n          name\n        }\n      }\n    }\n  }\n}\n\nquery TaskListPage($filter: TaskFilter, $first: Int, $after: String) {\n  tasks(filter: $filter, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        ...CalendarTask\n        employee {\n          id\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nmutation CreateTask($input: CreateTaskInput!) {\n  createTask(input: $input) {\n    ...CalendarTask\n  }\n}\n\nmutation SyncTasks($full: Boolean) {\n  syncTasks(input: {full: $full}) {\n    id\n    status\n  }\n}\n\nsubscription SyncProgress($runId: ID!) {\n  syncProgress(runId: $runId) {\n    runId\n    status\n    phase\n    total\n    processed\n    created\n    updated\n    deleted\n    skipped\n    failed\n    final\n    at\n  }\n}": typeof types.CalendarTaskFragmentDoc,
    "query Viewer {\n  viewer {\n    sub\n    tenant\n    roles\n  }\n  tenant {\n    id\n    createdAt\n  }\n}": typeof types.ViewerDocument,
};
const documents: Documents = {
    "mutation ResetCaches {\n  resetCaches {\n    tenant\n    reason\n    at\n    requestedBy\n  }\n}\n\nsubscription CacheReset {\n  cacheReset {\n    tenant\n    reason\n    at\n  }\n}": types.ResetCachesDocument,
    "fragment CalendarTask on Task {\n  id\n  title\n  status\n  allDay\n  startsAt\n  endsAt\n  startDate\n  endDate\n  location\n  partner {\n    id\n    name\n  }\n  project {\n    id\n    name\n  }\n}\n\nquery TaskCalendarByEmployee($range: DateRangeInput!, $filter: TaskFilter) {\n  taskCalendar(range: $range, filter: $filter, groupBy: EMPLOYEE) {\n    timeZone\n    totalTasks\n    groups {\n      key\n      label\n      taskCount\n      employee {\n        id\n        name\n      }\n      tasks {\n        ...CalendarTask\n      }\n    }\n  }\n}\n\nquery TaskCalendarByWeek($range: DateRangeInput!, $filter: TaskFilter) {\n  taskCalendar(range: $range, filter: $filter, groupBy: WEEK) {\n    timeZone\n    groups {\n      key\n      periodStart\n      periodEnd\n      taskCount\n      tasks {\n        ...CalendarTask\n        employee {\n          id\n          name\n        }\n      }\n    }\n  }\n}\n\nquery TaskListPage($filter: TaskFilter, $first: Int, $after: String) {\n  tasks(filter: $filter, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        ...CalendarTask\n        employee {\n          id\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nmutation CreateTask($input: CreateTaskInput!) {\n  createTask(input: $input) {\n    ...CalendarTask\n  }\n}\n\nmutation SyncTasks($full: Boolean) {\n  syncTasks(input: {full: $full}) {\n    id\n    status\n  }\n}\n\nsubscription SyncProgress($runId: ID!) {\n  syncProgress(runId: $runId) {\n    runId\n    status\n    phase\n    total\n    processed\n    created\n    updated\n    deleted\n    skipped\n    failed\n    final\n    at\n  }\n}": types.CalendarTaskFragmentDoc,
    "query Viewer {\n  viewer {\n    sub\n    tenant\n    roles\n  }\n  tenant {\n    id\n    createdAt\n  }\n}": types.ViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResetCaches {\n  resetCaches {\n    tenant\n    reason\n    at\n    requestedBy\n  }\n}\n\nsubscription CacheReset {\n  cacheReset {\n    tenant\n    reason\n    at\n  }\n}"): (typeof documents)["mutation ResetCaches {\n  resetCaches {\n    tenant\n    reason\n    at\n    requestedBy\n  }\n}\n\nsubscription CacheReset {\n  cacheReset {\n    tenant\n    reason\n    at\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment CalendarTask on Task {\n  id\n  title\n  status\n  allDay\n  startsAt\n  endsAt\n  startDate\n  endDate\n  location\n  partner {\n    id\n    name\n  }\n  project {\n    id\n    name\n  }\n}\n\nquery TaskCalendarByEmployee($range: DateRangeInput!, $filter: TaskFilter) {\n  taskCalendar(range: $range, filter: $filter, groupBy: EMPLOYEE) {\n    timeZone\n    totalTasks\n    groups {\n      key\n      label\n      taskCount\n      employee {\n        id\n        name\n      }\n      tasks {\n        ...CalendarTask\n      }\n    }\n  }\n}\n\nquery TaskCalendarByWeek($range: DateRangeInput!, $filter: TaskFilter) {\n  taskCalendar(range: $range, filter: $filter, groupBy: WEEK) {\n    timeZone\n    groups {\n      key\n      periodStart\n      periodEnd\n      taskCount\n      tasks {\n        ...CalendarTask\n        employee {\n          id\n          name\n        }\n      }\n    }\n  }\n}\n\nquery TaskListPage($filter: TaskFilter, $first: Int, $after: String) {\n  tasks(filter: $filter, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        ...CalendarTask\n        employee {\n          id\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nmutation CreateTask($input: CreateTaskInput!) {\n  createTask(input: $input) {\n    ...CalendarTask\n  }\n}\n\nmutation SyncTasks($full: Boolean) {\n  syncTasks(input: {full: $full}) {\n    id\n    status\n  }\n}\n\nsubscription SyncProgress($runId: ID!) {\n  syncProgress(runId: $runId) {\n    runId\n    status\n    phase\n    total\n    processed\n    created\n    updated\n    deleted\n    skipped\n    failed\n    final\n    at\n  }\n}"): (typeof documents)["fragment CalendarTask on Task {\n  id\n  title\n  status\n  allDay\n  startsAt\n  endsAt\n  startDate\n  endDate\n  location\n  partner {\n    id\n    name\n  }\n  project {\n    id\n    name\n  }\n}\n\nquery TaskCalendarByEmployee($range: DateRangeInput!, $filter: TaskFilter) {\n  taskCalendar(range: $range, filter: $filter, groupBy: EMPLOYEE) {\n    timeZone\n    totalTasks\n    groups {\n      key\n      label\n      taskCount\n      employee {\n        id\n        name\n      }\n      tasks {\n        ...CalendarTask\n      }\n    }\n  }\n}\n\nquery TaskCalendarByWeek($range: DateRangeInput!, $filter: TaskFilter) {\n  taskCalendar(range: $range, filter: $filter, groupBy: WEEK) {\n    timeZone\n    groups {\n      key\n      periodStart\n      periodEnd\n      taskCount\n      tasks {\n        ...CalendarTask\n        employee {\n          id\n          name\n        }\n      }\n    }\n  }\n}\n\nquery TaskListPage($filter: TaskFilter, $first: Int, $after: String) {\n  tasks(filter: $filter, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        ...CalendarTask\n        employee {\n          id\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nmutation CreateTask($input: CreateTaskInput!) {\n  createTask(input: $input) {\n    ...CalendarTask\n  }\n}\n\nmutation SyncTasks($full: Boolean) {\n  syncTasks(input: {full: $full}) {\n    id\n    status\n  }\n}\n\nsubscription SyncProgress($runId: ID!) {\n  syncProgress(runId: $runId) {\n    runId\n    status\n    phase\n    total\n    processed\n    created\n    updated\n    deleted\n    skipped\n    failed\n    final\n    at\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer {\n  viewer {\n    sub\n    tenant\n    roles\n  }\n  tenant {\n    id\n    createdAt\n  }\n}"): (typeof documents)["query Viewer {\n  viewer {\n    sub\n    tenant\n    roles\n  }\n  tenant {\n    id\n    createdAt\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;