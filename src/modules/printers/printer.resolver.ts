import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { moduleConfig } from '../../kernel/module';
import { ConnectionType, type Connection } from '../../schema/connection';
import { requireCaller, type GatewayContext, type GatewayServices } from '../../schema/context';
import { IppClient } from './ipp-client';
import { PrintServer } from './print-server.entity';
import { PrinterFilter } from './printers.inputs';
import { Printer } from './printer.entity';
import { PrinterService } from './printer.service';
import { printersConfig } from './printers.config';

const PrinterConnection = ConnectionType(Printer, 'Printer');

/** The tenant's printers (any user of the tenant). */
@Resolver(() => Printer)
export class PrinterResolver {
  private readonly service = new PrinterService();
  private readonly config;

  constructor(services: GatewayServices) {
    this.config = moduleConfig(services.config.sections, 'printers', printersConfig);
  }

  @Authorized()
  @Query(() => PrinterConnection, { description: 'Printers ordered by name, then id; removed ones only with includeRemoved' })
  printers(
    @Ctx() ctx: GatewayContext,
    @Arg('filter', () => PrinterFilter, { nullable: true }) filter: PrinterFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<Printer>> {
    return this.service.list(ctx.em, requireCaller(ctx).tenant, filter, first, after);
  }

  @Authorized()
  @Query(() => Printer, { description: 'One printer; live: true reads its state over IPP first (bounded; stale: true when it did not answer)' })
  async printer(@Ctx() ctx: GatewayContext, @Arg('id', () => ID) id: string, @Arg('live', () => Boolean, { nullable: true }) live: boolean | null): Promise<Printer> {
    const printer = await this.service.get(ctx.em, id);
    if (!live) return printer;
    return this.service.refresh(ctx.em, printer, new IppClient(this.config.PRINTER_LIVE_TIMEOUT_MS), this.config.PRINTER_LIVE_TIMEOUT_MS);
  }

  @FieldResolver(() => PrintServer, { nullable: true, description: 'The print server it was found on (print server printers)' })
  printServer(@Ctx() ctx: GatewayContext, @Root() printer: Printer): Promise<PrintServer | null> | null {
    return printer.printServer ? ctx.loaders.of(PrintServer).load(printer.printServer.id) : null;
  }
}
