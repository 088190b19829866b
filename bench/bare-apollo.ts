/**
 * The baseline of the gateway-overhead suite: a bare @apollo/server (standalone, defaults) with a
 * one-field schema resolving a constant. Run as a child by lib/bare-apollo.ts:
 *   PORT=4001 HOST=127.0.0.1 node -r @swc-node/register bench/bare-apollo.ts
 * Prints "bare-apollo ready <url>" once listening; SIGTERM/SIGINT stop it (exit 0).
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const typeDefs = /* GraphQL */ `
  type Query {
    viewer: Viewer
  }
  type Viewer {
    tenant: String
  }
`;

const VIEWER = { tenant: 'bench' };
const resolvers = { Query: { viewer: () => VIEWER } };

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
