import { authModule } from './auth';
import { tasksModule } from './tasks';
import type { GatewayModule } from './gateway-module';

/** Every registered module, in the order their schema parts are assembled. */
export const registeredModules: GatewayModule[] = [authModule, tasksModule];

export function moduleNames(modules: GatewayModule[] = registeredModules): string[] {
  return modules.map((m) => m.name);
}
