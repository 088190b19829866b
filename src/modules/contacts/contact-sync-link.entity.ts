import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantScopedEntity } from '../../db/tenant-scoped.entity';
import { ContactsTarget } from './contact.types';

/**
 * Where a contact lives in one Google target and what was last pushed there (database-only).
 * `googleId` null: an insert was sent at `sentAt` and its outcome is not known yet.
 */
@Entity({ tableName: 'contact_sync_link' })
export class ContactSyncLink extends TenantScopedEntity {
  @PrimaryKey({ type: 'uuid' }) contactId!: string;
  @Enum({ items: () => ContactsTarget, primary: true }) target!: ContactsTarget;
  @Property({ length: 1024, nullable: true }) googleId: string | null = null;
  @Property({ length: 200, nullable: true }) etag: string | null = null;
  @Property({ length: 64, nullable: true }) contentHash: string | null = null;
  @Property({ type: 'timestamptz', nullable: true }) sentAt: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) syncedAt: Date | null = null;
  @Property({ type: 'uuid', nullable: true }) seenRun: string | null = null;
}
