import { DateTimeResolver } from 'graphql-scalars';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import type { GatewayModule } from '../modules/gateway-module';
import { SyncRunResolver } from '../sync/sync-run.resolver';
import { authChecker } from './auth-checker';
import type { GatewayServices } from './context';
import type { TopicName } from './topics';

function requireServices(services: GatewayServices | null): GatewayServices {
  if (!services) throw new Error('this schema was built without services (schema emission only)');
  return services;
}

/**
 * Builds the one GraphQL schema from the enabled modules' resolvers. Resolver classes are
 * constructed once per process with the gateway's services.
 */
export async function buildGatewaySchema(modules: GatewayModule[], services: GatewayServices | null): Promise<GraphQLSchema> {
  // The sync engine's runs, schedules and progress are shared by every module that syncs.
  const resolvers = [...modules.flatMap((m) => m.resolvers), SyncRunResolver];
  if (!resolvers.length) throw new Error('no resolvers: enable at least one module');
  const instances = new Map<unknown, unknown>();
  return buildSchema({
    resolvers: resolvers as NonEmptyArray<Function>,
    authChecker,
    authMode: 'error',
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    // Services validate their input and name the field; class-validator's errors would echo
    // the whole input (a client secret included) back to the caller.
    validate: false,
    emitSchemaFile: false,
    // Subscriptions name a topic and the caller's tenant (topicId); events come from PostgreSQL.
    pubSub: {
      publish(topic: string, tenant: unknown, payload: unknown) {
        void requireServices(services).pubsub.publish(topic as TopicName, String(tenant), payload as never);
      },
      subscribe(topic: string, tenant?: unknown) {
        if (typeof tenant !== 'string') throw new Error(`subscription to ${topic} without a tenant (topicId)`);
        return requireServices(services).pubsub.subscribe(topic as TopicName, tenant);
      },
    },
    container: {
      get(cls: new (services: GatewayServices | null) => unknown) {
        let instance = instances.get(cls);
        if (!instance) instances.set(cls, (instance = new cls(services)));
        return instance;
      },
    },
  });
}
