import type { WebModule } from '../app/module';
import { adminModule } from './admin';
import { authModule } from './auth';
import { cultivationModule } from './cultivation';
import { enterprisesModule } from './enterprises';
import { notificationsModule } from './notifications';
import { planCallsModule } from './plan-calls';
import { portalModule } from './portal';
import { projectsModule } from './projects';
import { reviewsModule } from './reviews';
import { statsModule } from './stats';
import { techMatchingWebModule } from './tech-transfer/matching-module';
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
  reviewsModule,
  statsModule,
  techMatchingWebModule,
  notificationsModule,
  adminModule,
];
