import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { setSessionHandlers } from './app/api-client';
import { CURRENT_USER_KEY } from './app/auth-context';
import { buildCatalogue, initI18n } from './app/i18n';
import { registerWebModules } from './app/module-registry';
import { Providers } from './app/providers';
import { queryClient } from './app/query-client';
import { router } from './app/router';
import { WEB_MODULES } from './modules';

registerWebModules(WEB_MODULES);
initI18n(buildCatalogue(WEB_MODULES));

setSessionHandlers({
  onUnauthenticated: () => {
    queryClient.setQueryData(CURRENT_USER_KEY, null);
    if (router.state.location.pathname !== '/login') {
      void router.navigate('/login', { state: { from: router.state.location.pathname } });
    }
  },
  onPasswordChangeRequired: () => {
    void router.navigate('/change-password');
  },
  onSecondFactorEnrolmentRequired: () => {
    void router.navigate('/account/second-factor');
  },
});

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
