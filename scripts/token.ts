import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config';
import { CALLER_ROLES, TENANT_PATTERN, type CallerRole } from '../src/schema/caller';
import { signDevToken } from '../src/schema/dev-token';

/** Prints a signed development JWT, and nothing else, on stdout. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tenant: { type: 'string' },
      role: { type: 'string', multiple: true },
      sub: { type: 'string' },
      ttl: { type: 'string' },
    },
    strict: true,
  });
  const tenant = values.tenant ?? 'demo';
  if (!TENANT_PATTERN.test(tenant)) fail(`--tenant must be 1-63 lowercase letters, digits, "-" or "_"`);
  const roles = (values.role?.length ? values.role : ['user']).flatMap((r) => r.split(','));
  for (const r of roles) if (!(CALLER_ROLES as readonly string[]).includes(r)) fail(`--role must be one of ${CALLER_ROLES.join(', ')}`);
  const ttl = values.ttl ? Number(values.ttl) : undefined;
  if (ttl !== undefined && !(Number.isInteger(ttl) && ttl > 0)) fail('--ttl must be a whole number of seconds');
  const config = loadConfig(process.env, []);
  if (config.jwt.kind !== 'secret') fail('JWKS_URL is set: tokens come from your identity provider, not from this command');
  const token = await signDevToken(config.jwt.secret, { tenant, roles: roles as CallerRole[], sub: values.sub, ttlSeconds: ttl, audience: config.jwt.audience, issuer: config.jwt.issuer });
  process.stdout.write(`${token}\n`);
}

function fail(message: string): never {
  process.stderr.write(`token: ${message}\n`);
  process.exit(2);
}

main().catch((err) => {
  fail(err instanceof ConfigError ? err.message : err instanceof Error ? err.message : String(err));
});
