/** Who may call the gateway, as every layer sees it. */
export const CALLER_ROLES = ['admin', 'user'] as const;
export type CallerRole = (typeof CALLER_ROLES)[number];

/** Who is calling: the verified claims of the bearer token. */
export interface Caller {
  sub: string;
  tenant: string;
  roles: CallerRole[];
}

export const TENANT_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** `admin` implies `user`. */
export function hasRole(caller: Caller, role: CallerRole): boolean {
  return caller.roles.includes(role) || (role === 'user' && caller.roles.includes('admin'));
}
