import type { ModuleDeps, TypedApp } from '../../core/module';
import { registerEventRoutes } from './event-routes';
import { registerLedgerRoutes } from './ledger-routes';
import { registerStatisticsRoutes } from './statistics-routes';

/** 科技服务: events, field visits and the problem ledger. */
export function registerServicesRoutes(app: TypedApp, deps: ModuleDeps): void {
  registerEventRoutes(app, deps);
  registerLedgerRoutes(app, deps);
  registerStatisticsRoutes(app, deps);
}
