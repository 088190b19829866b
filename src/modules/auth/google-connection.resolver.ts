import { Arg, Authorized, Ctx, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { requireCaller, type GatewayContext, type GatewayServices } from '../../schema/context';
import { GOOGLE_CONNECTION_CHANGED, type GoogleConnectionPayload } from '../../google/google-events';
import { email } from '../../kernel/validate';
import { AuthorizeGoogleInput, SetGoogleClientCredentialsInput, SetGoogleServiceAccountInput } from './google-connection.input';
import { GoogleAuthorizationRequest, GoogleConnection, GoogleDelegationCheck } from './google-connection.type';

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
  @Mutation(() => GoogleConnection, {
    description:
      'Stores the service account used for domain-wide delegation (DELEGATED calendar mode). Then paste `serviceAccount.clientId` and `delegationScopes` in Admin console → Security → API controls → Domain-wide delegation',
  })
  async setGoogleServiceAccount(@Ctx() ctx: GatewayContext, @Arg('input', () => SetGoogleServiceAccountInput) input: SetGoogleServiceAccountInput): Promise<GoogleConnection> {
    return GoogleConnection.from(await this.services.google.setServiceAccount(ctx.em, requireCaller(ctx), input.keyJson));
  }

  @Authorized('admin')
  @Mutation(() => GoogleConnection, { description: 'Forgets the service account (its key and every token obtained with it)' })
  async removeGoogleServiceAccount(@Ctx() ctx: GatewayContext): Promise<GoogleConnection> {
    return GoogleConnection.from(await this.services.google.removeServiceAccount(ctx.em, requireCaller(ctx)));
  }

  @Authorized('admin')
  @Mutation(() => GoogleDelegationCheck, { description: 'Impersonates `subject` (a user of the domain) once per needed scope and reports, per scope, whether Google granted it' })
  async verifyGoogleDelegation(@Ctx() ctx: GatewayContext, @Arg('subject', () => String) subject: string): Promise<GoogleDelegationCheck> {
    return Object.assign(new GoogleDelegationCheck(), await this.services.google.verifyDelegation(ctx.em, requireCaller(ctx), email(subject, 'subject')));
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
