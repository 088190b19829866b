import type { GatewayModule } from '../../kernel/module';
import { GoogleConnectionResolver } from './google-connection.resolver';
import { ViewerResolver } from './viewer.resolver';

/** The caller, the tenant and (with the Google connection) the tenant's authorization. */
export const authModule: GatewayModule = {
  name: 'auth',
  required: true,
  resolvers: [ViewerResolver, GoogleConnectionResolver],
};
