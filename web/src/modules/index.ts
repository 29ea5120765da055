import type { WebModule } from '../app/module';
import { adminModule } from './admin';
import { authModule } from './auth';
import { cultivationModule } from './cultivation';
import { dashboardModule } from './dashboard';
import { enterprisesModule } from './enterprises';
import { notificationsModule } from './notifications';
import { planCallsModule } from './plan-calls';
import { platformsModule } from './platforms';
import { policiesModule } from './policies';
import { portalModule } from './portal';
import { projectsModule } from './projects';
import { reportsModule } from './reports';
import { reviewsModule } from './reviews';
import { servicesModule } from './services';
import { statsModule } from './stats';
import { talentModule } from './talent';
import { techTransferModule } from './tech-transfer';
import { workbenchModule } from './workbench';

/**
 * Every web module, in the order their routes are declared. Menu order comes from each entry's
 * order number, not from this list.
 */
export const WEB_MODULES: readonly WebModule[] = [
  portalModule,
  authModule,
  workbenchModule,
  enterprisesModule,
  cultivationModule,
  planCallsModule,
  projectsModule,
  techTransferModule,
  platformsModule,
  servicesModule,
  talentModule,
  policiesModule,
  reviewsModule,
  statsModule,
  dashboardModule,
  reportsModule,
  notificationsModule,
  adminModule,
];
