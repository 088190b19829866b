import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantScopedEntity } from '../db/tenant-scoped.entity';

/**
 * One authorization request in flight: the `state` (stored as its SHA-256 only), the PKCE
 * verifier (sealed), who asked, and when it expires. Consumed once.
 */
@Entity({ tableName: 'google_oauth_state' })
export class GoogleOAuthState extends TenantScopedEntity {
  @PrimaryKey({ length: 64 })
  stateHash!: string;

  @Property({ length: 255 })
  requestedBy!: string;

  /** Sealed PKCE code verifier. */
  @Property({ type: 'text' })
  codeVerifier!: string;

  @Property({ type: 'text[]' })
  scopes!: string[];

  @Property({ type: 'text' })
  redirectUri!: string;

  @Property({ length: 255 })
  clientId!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt: Date | null = null;
}
