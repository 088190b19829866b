import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantScopedEntity } from '../../db/tenant-scoped.entity';
import { PrintServer, PrinterSource } from './print-server.entity';
import { PrinterState, type PrinterCapabilities } from './printer-state';

registerEnumType(PrinterSource, { name: 'PrinterSource', description: 'Where the gateway learned of a printer' });

@ObjectType({ description: 'What a printer can do, as it last said over IPP (empty lists when never asked)' })
export class PrinterCapabilitiesType implements PrinterCapabilities {
  @Field(() => [String], { description: 'MIME types it accepts (document-format-supported)' }) documentFormats!: string[];
  @Field(() => [String], { description: 'Media names (media-supported)' }) media!: string[];
  @Field(() => Boolean, { nullable: true }) color!: boolean | null;
  @Field(() => Boolean, { nullable: true }) duplex!: boolean | null;
  @Field(() => Int) copiesMin!: number;
  @Field(() => Int) copiesMax!: number;
}

export const NO_CAPABILITIES: PrinterCapabilities = { documentFormats: [], media: [], color: null, duplex: null, copiesMin: 1, copiesMax: 1 };

/**
 * A printer of the tenant, from Google Workspace (Chrome printer management) or from one of its
 * IPP print servers. One row per (source, source id); a printer gone at its source keeps its row
 * with `removedAt`, so that its jobs keep their history.
 */
@ObjectType({ description: 'A printer from Google Workspace or from a CUPS/IPP print server' })
@Entity({ tableName: 'printer' })
@Unique({ properties: ['tenant', 'source', 'sourceId'] })
export class Printer extends TenantScopedEntity {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field() @Property({ length: 500 }) displayName!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) description: string | null = null;
  @Field(() => String, { nullable: true }) @Property({ length: 500, nullable: true }) location: string | null = null;
  @Field(() => String, { nullable: true }) @Property({ length: 500, nullable: true }) makeAndModel: string | null = null;
  @Field(() => String, { nullable: true, description: 'ipp:// or ipps:// address of the printer' }) @Property({ length: 2048, nullable: true }) uri: string | null = null;
  @Field(() => PrinterSource) @Enum({ items: () => PrinterSource }) source!: PrinterSource;
  @Field({ description: "The printer's id at its source (Google's printer id, or print server id / queue name)" }) @Property({ length: 1024 }) sourceId!: string;
  @ManyToOne(() => PrintServer, { ref: true, nullable: true, deleteRule: 'set null' }) printServer: Ref<PrintServer> | null = null;
  @Field(() => String, { nullable: true, description: 'Google org unit id (Google Workspace printers)' }) @Property({ length: 255, nullable: true }) orgUnitId: string | null = null;
  @Field(() => PrinterState) @Enum({ items: () => PrinterState }) state: PrinterState = PrinterState.UNKNOWN;
  @Field(() => [String], { description: 'IPP printer-state-reasons, or why the state is UNKNOWN' }) @Property({ type: 'json' }) stateReasons: string[] = [];
  @Field() @Property() acceptingJobs: boolean = false;
  @Property({ type: 'json' }) capabilitiesData: PrinterCapabilities = NO_CAPABILITIES;
  @Field(() => Date, { nullable: true, description: 'When the state was last read from the printer' }) @Property({ type: 'timestamptz', nullable: true }) stateCheckedAt: Date | null = null;
  @Field(() => Date, { nullable: true, description: 'Last time its source listed it' }) @Property({ type: 'timestamptz', nullable: true }) lastSeenAt: Date | null = null;
  @Field(() => Date, { nullable: true, description: 'Set when it disappeared at its source' }) @Property({ type: 'timestamptz', nullable: true }) removedAt: Date | null = null;
  @Field() @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
  @Field() @Property({ type: 'timestamptz', onUpdate: () => new Date() }) updatedAt: Date = new Date();

  /** Set by `printer(id, live: true)` when the printer did not answer in time (not a column). */
  liveReadFailed?: boolean;

  @Field({ description: 'True when a live read was asked for and did not answer in time: the state shown is the stored one' })
  get stale(): boolean {
    return this.liveReadFailed === true;
  }

  @Field(() => PrinterCapabilitiesType)
  get capabilities(): PrinterCapabilities {
    return this.capabilitiesData ?? NO_CAPABILITIES;
  }
}
