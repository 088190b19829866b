import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { GoogleConnectionStatus } from '../../google/google-connection.entity';
import type { GoogleConnectionPayload } from '../../google/google-events';

registerEnumType(GoogleConnectionStatus, {
  name: 'GoogleConnectionStatus',
  description: 'Where the tenant stands with Google',
  valuesConfig: {
    UNCONFIGURED: { description: 'No OAuth client yet' },
    CREDENTIALS_SET: { description: 'Client ID and secret stored; not authorized' },
    AUTHORIZED: { description: 'Authorized; Google calls work' },
    REAUTHORIZATION_REQUIRED: { description: 'Google refused the stored grant (revoked or expired); an admin must authorize again' },
  },
});

@ObjectType({ description: 'A service account that impersonates the domain’s users (domain-wide delegation)' })
export class GoogleServiceAccount {
  @Field() clientEmail!: string;
  @Field({ description: 'The client id to paste in the Admin console’s domain-wide delegation list' }) clientId!: string;
  @Field(() => String, { nullable: true }) privateKeyId!: string | null;
  @Field() setAt!: Date;
}

@ObjectType({ description: 'What Google answered for one scope when impersonating the subject' })
export class DelegationScopeCheck {
  @Field() scope!: string;
  @Field() granted!: boolean;
  @Field(() => String, { nullable: true, description: 'Why it was refused, and what to do' }) error!: string | null;
}

@ObjectType({ description: 'The result of impersonating one user of the domain with each scope the tenant needs' })
export class GoogleDelegationCheck {
  @Field() subject!: string;
  @Field() clientId!: string;
  @Field({ description: 'Every scope granted' }) ok!: boolean;
  @Field(() => [DelegationScopeCheck]) scopes!: DelegationScopeCheck[];
}

/** The tenant's Google connection. Secrets are write-only: no field carries one. */
@ObjectType({ description: "The tenant's Google Workspace connection (the client secret and tokens are never readable)" })
export class GoogleConnection {
  @Field(() => GoogleConnectionStatus)
  status!: GoogleConnectionStatus;

  @Field(() => String, { nullable: true, description: 'The OAuth client ID' })
  clientId!: string | null;

  @Field(() => [String], { description: 'Scopes Google granted' })
  grantedScopes!: string[];

  @Field(() => [String], { description: 'Scopes the enabled modules need that Google has not granted' })
  missingScopes!: string[];

  @Field(() => Date, { nullable: true })
  authorizedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The admin (token subject) who authorized' })
  authorizedBy!: string | null;

  @Field(() => Date, { nullable: true, description: 'When an access token was last obtained' })
  lastRefreshAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'What went wrong last, and what to do about it' })
  lastError!: string | null;

  @Field(() => GoogleServiceAccount, { nullable: true, description: 'The service account for domain-wide delegation (its private key is never readable)' })
  serviceAccount!: GoogleServiceAccount | null;

  @Field({
    description: "What to paste in Admin console → Security → API controls → Domain-wide delegation, with the service account's client id: the enabled modules' scopes, comma-separated",
  })
  delegationScopes!: string;

  static from(p: GoogleConnectionPayload): GoogleConnection {
    const date = (v: string | null) => (v ? new Date(v) : null);
    return Object.assign(new GoogleConnection(), {
      status: p.status as GoogleConnectionStatus,
      clientId: p.clientId,
      grantedScopes: p.grantedScopes,
      missingScopes: p.missingScopes,
      authorizedAt: date(p.authorizedAt),
      authorizedBy: p.authorizedBy,
      lastRefreshAt: date(p.lastRefreshAt),
      lastError: p.lastError,
      serviceAccount: p.serviceAccount ? Object.assign(new GoogleServiceAccount(), { ...p.serviceAccount, setAt: new Date(p.serviceAccount.setAt) }) : null,
      delegationScopes: p.delegationScopes,
    });
  }
}

@ObjectType({ description: 'Open `url` in the admin’s browser; Google sends the admin back to the gateway’s callback' })
export class GoogleAuthorizationRequest {
  @Field({ description: "Google's consent page for exactly the scopes of the enabled modules" })
  url!: string;

  @Field({ description: 'Single use; bound to this tenant and admin' })
  state!: string;

  @Field()
  expiresAt!: Date;
}
