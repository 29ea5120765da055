import { lazyPage, type WebModule } from '../../app/module';
import { portalStrings } from './strings';

export const portalModule: WebModule = {
  name: 'portal',
  routes: [{ path: '/', page: lazyPage(() => import('./portal-home-page'), 'PortalHomePage') }],
  menu: [],
  strings: portalStrings,
};
