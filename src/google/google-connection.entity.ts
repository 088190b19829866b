import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { TenantScopedEntity } from '../db/tenant-scoped.entity';

export enum GoogleConnectionStatus {
  UNCONFIGURED = 'UNCONFIGURED',
  CREDENTIALS_SET = 'CREDENTIALS_SET',
  AUTHORIZED = 'AUTHORIZED',
  REAUTHORIZATION_REQUIRED = 'REAUTHORIZATION_REQUIRED',
}

/**
 * A tenant's Google connection: its OAuth client and the tokens of the authorizing account.
 * Database-only (secrets are sealed by SecretBox); GraphQL sees a view without them.
 */
@Entity({ tableName: 'google_connection' })
@Unique({ properties: ['tenant'] })
export class GoogleConnectionRecord extends TenantScopedEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => GoogleConnectionStatus })
  status: GoogleConnectionStatus = GoogleConnectionStatus.UNCONFIGURED;

  @Property({ length: 255, nullable: true })
  clientId: string | null = null;

  /** Sealed. */
  @Property({ type: 'text', nullable: true, lazy: true })
  clientSecret: string | null = null;

  /** Sealed. */
  @Property({ type: 'text', nullable: true, lazy: true })
  refreshToken: string | null = null;

  /** Sealed. */
  @Property({ type: 'text', nullable: true, lazy: true })
  accessToken: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  accessTokenExpiresAt: Date | null = null;

  @Property({ type: 'text[]' })
  grantedScopes: string[] = [];

  @Property({ type: 'timestamptz', nullable: true })
  authorizedAt: Date | null = null;

  @Property({ length: 255, nullable: true })
  authorizedBy: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  lastRefreshAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
