import { Arg, Authorized, Ctx, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { requireCaller, type GatewayContext, type GatewayServices } from '../../schema/context';
import { GOOGLE_CONNECTION_CHANGED, type GoogleConnectionPayload } from '../../google/google-events';
import { AuthorizeGoogleInput, SetGoogleClientCredentialsInput } from './google-connection.input';
import { GoogleAuthorizationRequest, GoogleConnection } from './google-connection.type';

/** The GraphQL face of src/google: an admin connects the tenant's Google Workspace. */
@Resolver()
export class GoogleConnectionResolver {
  constructor(private readonly services: GatewayServices) {}

  @Authorized('admin')
  @Query(() => GoogleConnection)
  async googleConnection(@Ctx() ctx: GatewayContext): Promise<GoogleConnection> {
    return GoogleConnection.from(await this.services.google.current(ctx.em, requireCaller(ctx).tenant));
  }

  @Authorized('admin')
  @Mutation(() => GoogleConnection, { description: 'Stores the OAuth client; a new client ID drops the tokens of the old one' })
  async setGoogleClientCredentials(@Ctx() ctx: GatewayContext, @Arg('input', () => SetGoogleClientCredentialsInput) input: SetGoogleClientCredentialsInput): Promise<GoogleConnection> {
    return GoogleConnection.from(await this.services.google.setClientCredentials(ctx.em, requireCaller(ctx), input));
  }

  @Authorized('admin')
  @Mutation(() => GoogleAuthorizationRequest, { description: 'Starts the authorization: open the URL; Google returns to /oauth/google/callback' })
  requestGoogleAuthorization(@Ctx() ctx: GatewayContext): Promise<GoogleAuthorizationRequest> {
    return this.services.google.requestAuthorization(ctx.em, requireCaller(ctx));
  }

  @Authorized('admin')
  @Mutation(() => GoogleConnection, {
    description: 'Authorize and reset client + server cache: exchanges the code, stores the grant, drops every cache of the tenant',
  })
  async authorizeGoogle(@Ctx() ctx: GatewayContext, @Arg('input', () => AuthorizeGoogleInput) input: AuthorizeGoogleInput): Promise<GoogleConnection> {
    return GoogleConnection.from(await this.services.google.completeAuthorization(input, requireCaller(ctx)));
  }

  @Authorized('admin')
  @Mutation(() => GoogleConnection, { description: 'Revokes the grant at Google (best effort, reported in lastError) and deletes the tokens' })
  async disconnectGoogle(@Ctx() ctx: GatewayContext): Promise<GoogleConnection> {
    return GoogleConnection.from(await this.services.google.disconnect(ctx.em, requireCaller(ctx)));
  }

  @Authorized('admin')
  @Subscription(() => GoogleConnection, {
    topics: GOOGLE_CONNECTION_CHANGED,
    topicId: ({ context }) => requireCaller(context as GatewayContext).tenant,
  })
  googleConnectionChanged(@Root() payload: GoogleConnectionPayload): GoogleConnection {
    return GoogleConnection.from(payload);
  }
}
