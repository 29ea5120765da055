import type { ModuleDeps, TypedApp } from '../../core/module';
import { registerCertificateRoutes } from './certificates-routes';
import { registerObserverRoutes } from './observer-routes';
import { registerPoolRoutes } from './pool-routes';
import { registerTechSmeRoutes } from './tech-sme-routes';
import { registerTierRoutes } from './tiers-routes';

/** Tiers and registers of 科技型企业梯次培育, and the finance/tax observer's view of them. */
export function registerCultivationRegisterRoutes(app: TypedApp, deps: ModuleDeps): void {
  registerTechSmeRoutes(app, deps);
  registerPoolRoutes(app, deps);
  registerCertificateRoutes(app, deps);
  registerTierRoutes(app, deps);
  registerObserverRoutes(app, deps);
}
