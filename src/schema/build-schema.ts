import { DateTimeResolver } from 'graphql-scalars';
import { GraphQLScalarType, type GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import type { GatewayModule } from '../kernel/module';
import { authChecker } from './auth-checker';
import type { GatewayServices } from './context';
import type { TopicName } from '../kernel/topics';
import { limitResolvers } from './operation-limits';

/** ISO texts by epoch milliseconds: tasks share their instants (whole hours, quarters), and toISOString costs half a microsecond. */
const isoTexts = new Map<number, string>();
const MAX_ISO_TEXTS = 100_000;

function isoText(date: Date): string {
  const time = date.getTime();
  let text = isoTexts.get(time);
  if (text === undefined) {
    text = date.toISOString();
    if (isoTexts.size >= MAX_ISO_TEXTS) isoTexts.clear();
    isoTexts.set(time, text);
  }
  return text;
}

/**
 * graphql-scalars' DateTime, serialized to its ISO 8601 text (`toISOString`, what JSON gives a
 * Date) rather than to the Date itself: an answer holding Dates leaves JSON.stringify's fast path
 * for a `toJSON` call per instant, which made stringifying a month's calendar (16,600 instants)
 * seven times slower. The bytes sent are the same.
 */
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  serialize(value) {
    const serialized: unknown = DateTimeResolver.serialize(value);
    return serialized instanceof Date ? isoText(serialized) : serialized;
  },
});

function requireServices(services: GatewayServices | null): GatewayServices {
  if (!services) throw new Error('this schema was built without services (schema emission only)');
  return services;
}

/**
 * Builds the one GraphQL schema from the enabled modules' resolvers (each module's hook runs first). Resolver classes are
 * constructed once per process with the gateway's services.
 */
export async function buildGatewaySchema(modules: readonly GatewayModule[], services: GatewayServices | null): Promise<GraphQLSchema> {
  for (const m of modules) m.beforeSchema?.(modules);
  const resolvers = modules.flatMap((m) => m.resolvers ?? []);
  if (!resolvers.length) throw new Error('no resolvers: enable at least one module');
  const instances = new Map<unknown, unknown>();
  const schema = await buildSchema({
    resolvers: resolvers as NonEmptyArray<Function>,
    authChecker,
    authMode: 'error',
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Services validate their input and name the field; class-validator's errors would echo
    // the whole input (a client secret included) back to the caller.
    validate: false,
    emitSchemaFile: false,
    // Subscriptions name a topic and the caller's tenant (topicId); events come from PostgreSQL.
    pubSub: {
      publish() {
        throw new Error("publish through services.pubsub (typed topics), not type-graphql's PubSub");
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
  // List sizes and expensive fields are bounded per operation (not needed to emit the schema).
  return services ? limitResolvers(schema, services.config) : schema;
}
