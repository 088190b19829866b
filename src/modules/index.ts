import type { GatewayModule } from '../kernel/module';
import { authModule } from './auth';
import { contactsModule } from './contacts';
import { printersModule } from './printers';
import { syncModule } from './sync';
import { tasksModule } from './tasks';

/**
 * Every registered module, in the order their schema parts are assembled. Adding a module is its
 * folder plus one line here; MODULES picks which are on (see kernel/module.ts for the contract).
 */
export const registeredModules: GatewayModule[] = [authModule, syncModule, tasksModule, contactsModule, printersModule];
