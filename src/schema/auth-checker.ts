import type { AuthChecker } from 'type-graphql';
import { hasRole, type CallerRole } from './caller';
import type { GatewayContext } from './context';
import { forbidden } from '../kernel/errors';
import { unauthenticated } from './errors';

/** `@Authorized()` needs a caller; `@Authorized('admin')` needs that role (admin implies user). */
export const authChecker: AuthChecker<GatewayContext, CallerRole> = ({ context }, roles) => {
  const caller = context.caller;
  if (!caller) throw unauthenticated();
  if (roles.length && !roles.some((role) => hasRole(caller, role))) {
    throw forbidden(`This operation requires the ${roles.join(' or ')} role`);
  }
  return true;
};
