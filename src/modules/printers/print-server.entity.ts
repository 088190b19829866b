import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { TenantScopedEntity } from '../../db/tenant-scoped.entity';

export enum PrinterSource {
  GOOGLE_WORKSPACE = 'GOOGLE_WORKSPACE',
  PRINT_SERVER = 'PRINT_SERVER',
}

/**
 * A CUPS/IPP print server. Those an admin adds (source PRINT_SERVER) are asked for their queues on
 * every sync; those listed in Google Workspace are shown for reference only (their addresses are
 * usually on the office network).
 */
@ObjectType({ description: 'A CUPS/IPP print server' })
@Entity({ tableName: 'print_server' })
export class PrintServer extends TenantScopedEntity {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field({ description: 'ipp, ipps, http or https address of the server' }) @Property({ length: 2048 }) uri!: string;
  @Field() @Property({ length: 200 }) name!: string;
  @Field(() => PrinterSource) @Enum({ items: () => PrinterSource }) source: PrinterSource = PrinterSource.PRINT_SERVER;
  @Field(() => String, { nullable: true, description: "Google's id (servers from Google Workspace)" }) @Property({ length: 255, nullable: true }) sourceId: string | null = null;
  @Field(() => Date, { nullable: true, description: 'Last time it answered' }) @Property({ type: 'timestamptz', nullable: true }) lastContactAt: Date | null = null;
  @Field(() => String, { nullable: true, description: 'Why the last contact failed (null after a success)' }) @Property({ type: 'text', nullable: true }) lastError: string | null = null;
  @Field(() => Date, { nullable: true, description: 'Set when Google Workspace stopped listing it' }) @Property({ type: 'timestamptz', nullable: true }) removedAt: Date | null = null;
  @Field() @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
}
