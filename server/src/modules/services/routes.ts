import type { ModuleDeps, TypedApp } from '../../core/module';
import { registerEventRoutes } from './event-routes';
import { registerLedgerRoutes } from './ledger-routes';
import { registerQuestionRoutes } from './question-routes';
import { registerStatisticsRoutes } from './statistics-routes';

/** 科技服务: events, field visits, the problem ledger and the online 答疑 board. */
export function registerServicesRoutes(app: TypedApp, deps: ModuleDeps): void {
  registerEventRoutes(app, deps);
  registerLedgerRoutes(app, deps);
  registerQuestionRoutes(app, deps);
  registerStatisticsRoutes(app, deps);
}
