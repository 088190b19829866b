import { HeaderMap, type ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../kernel/logger';
import { InvalidTokenError } from '../schema/caller';
import { createContext, type GatewayContext, type GatewayServices } from '../schema/context';
import { unauthenticated } from '../schema/errors';
import { endCompressible } from './compression';
import { drainUploads, hasPreflightHeader, isMultipart, readMultipart } from './multipart';
import { HttpError, parseBody, readBody } from './read-body';
import type { TrustedDocuments } from '../schema/trusted-documents';
import { trustedHttpRequest } from './trusted-request';
import type { DirectExecution } from './direct-execution';

/** Resolves the caller of an HTTP request; a bad token is an UNAUTHENTICATED error (HTTP 401). */
async function contextFor(req: IncomingMessage, services: GatewayServices, log: () => Logger): Promise<GatewayContext> {
  let caller = null;
  try {
    caller = await services.verifier.fromAuthorizationHeader(req.headers.authorization);
    if (caller) await services.tenants.ensure(caller.tenant);
  } catch (err) {
    if (err instanceof InvalidTokenError) throw unauthenticated(err.message);
    // Apollo answers a failed context with a masked 500; say here what it was.
    log().error({ err }, 'could not set up the request context');
    throw err;
  }
  return createContext(services, caller, log);
}

/** GraphQL over HTTP (GET and POST) through Apollo's `executeHTTPGraphQLRequest`, on plain node:http. */
export function graphqlHttpHandler(apollo: ApolloServer<GatewayContext>, services: GatewayServices, trusted: TrustedDocuments, direct: DirectExecution | null = null) {
  const { maxBodyBytes } = services.config.limits;
  return async (req: IncomingMessage, res: ServerResponse, search: string, log: () => Logger): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    let body: unknown;
    const multipart = method === 'POST' && isMultipart(req);
    try {
      if (multipart) {
        // File uploads (GraphQL multipart request spec): streamed to the resolvers, never buffered here.
        if (hasPreflightHeader(req)) body = await readMultipart(req, res, maxBodyBytes);
        else req.resume(); // Apollo refuses it (CSRF prevention); its body is not read
      } else if (method === 'POST') body = parseBody(req.headers['content-type'], await readBody(req, maxBodyBytes));
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      sendJson(res, err.status, { errors: [{ message: err.message, extensions: { code: err.code } }] });
      return;
    }
    const named = trustedHttpRequest(trusted, method, body, search);
    if (named instanceof GraphQLError) {
      if (multipart) drainUploads(body);
      const error = { message: named.message, extensions: { code: named.extensions.code } };
      services.metrics.countErrors([error]);
      sendJson(res, 400, { errors: [error] });
      return;
    }
    // A known query or mutation: executed here; Apollo answers only when the result has errors.
    let context: () => Promise<GatewayContext> = () => contextFor(req, services, log);
    const plan = direct && method === 'POST' && !multipart ? direct.plan(req.headers, body) : null;
    if (plan) {
      let ctx: GatewayContext | null = null;
      try {
        ctx = await contextFor(req, services, log);
      } catch (err) {
        // Apollo answers it, with this same error.
        context = () => Promise.reject(err);
      }
      if (ctx) {
        const outcome = await direct!.run(plan, ctx);
        if (outcome.kind === 'answer') {
          res.setHeader('content-type', outcome.contentType);
          res.statusCode = 200;
          await endCompressible(req, res, outcome.body, services.config.delivery);
          return;
        }
        const same = ctx;
        context = async () => same;
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers, search: named.search, body: named.body },
      context,
    });
    if (multipart) drainUploads(body);
    if (direct) {
      direct.countApollo();
      // What Apollo negotiates for a single result (GET may get its landing page).
      if (method === 'POST' && (response.status === undefined || response.status === 200)) direct.learnContentType(req.headers.accept, response.headers.get('content-type'));
    }
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      await endCompressible(req, res, response.body.string, services.config.delivery);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

export function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
