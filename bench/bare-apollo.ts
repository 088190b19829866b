/**
 * The baseline of the gateway-overhead suite: a bare @apollo/server (standalone, defaults) with a
 * small schema resolving constants: `viewer` (one field) and `tasks` (one page of tasks with their
 * employee, partner and project, served from memory: the JSON file BARE_TASKS_FILE holds the
 * page as the gateway answered it). Run as a child by lib/bare-apollo.ts:
 *   PORT=4001 HOST=127.0.0.1 [BARE_TASKS_FILE=page.json] node -r @swc-node/register bench/bare-apollo.ts
 * Prints "bare-apollo ready <url>" once listening; SIGTERM/SIGINT stop it (exit 0).
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { readFileSync } from 'node:fs';

const typeDefs = /* GraphQL */ `
  type Query {
    viewer: Viewer
    tasks(filter: TaskFilter, first: Int, after: String): TaskConnection!
  }
  type Viewer {
    tenant: String
  }
  input TaskFilter {
    search: String
  }
  type TaskConnection {
    edges: [TaskEdge!]!
    pageInfo: PageInfo!
  }
  type TaskEdge {
    cursor: String!
    node: Task!
  }
  type PageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }
  type Task {
    id: ID!
    title: String!
    status: String!
    allDay: Boolean!
    startsAt: String
    endsAt: String
    startDate: String
    endDate: String
    location: String
    employee: Named!
    partner: Named
    project: Named
  }
  type Named {
    id: ID!
    name: String!
  }
`;

const VIEWER = { tenant: 'bench' };
const page: unknown = process.env.BARE_TASKS_FILE ? JSON.parse(readFileSync(process.env.BARE_TASKS_FILE, 'utf8')) : { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
const resolvers = { Query: { viewer: () => VIEWER, tasks: () => page } };

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 0);
  const host = process.env.HOST || '127.0.0.1';
  // We own the signals so that a stop exits with code 0.
  const server = new ApolloServer({ typeDefs, resolvers, stopOnTerminationSignals: false });
  const { url } = await startStandaloneServer(server, { listen: { port, host } });
  process.stdout.write(`bare-apollo ready ${url}\n`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.stop().then(
      () => process.exit(0),
      (err) => {
        process.stderr.write(`bare-apollo: error while stopping: ${err instanceof Error ? err.stack : err}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err) => {
  process.stderr.write(`bare-apollo: ${err instanceof Error ? err.stack : err}\n`);
  process.exit(1);
});
