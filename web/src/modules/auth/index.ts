import { lazyPage, type WebModule } from '../../app/module';
import { authStrings } from './strings';

export const authModule: WebModule = {
  name: 'auth',
  routes: [
    { path: '/login', page: lazyPage(() => import('./login-page'), 'LoginPage') },
    { path: '/register', page: lazyPage(() => import('./register-page'), 'RegisterPage') },
    {
      path: '/change-password',
      page: lazyPage(() => import('./change-password-page'), 'ChangePasswordPage'),
    },
    {
      path: '/account/second-factor',
      page: lazyPage(() => import('./second-factor-page'), 'SecondFactorPage'),
    },
  ],
  menu: [],
  strings: authStrings,
};
