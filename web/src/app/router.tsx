import { createBrowserRouter } from 'react-router';
import { WEB_MODULES } from '../modules';
import { buildRoutes } from './routes';

export const router = createBrowserRouter(buildRoutes(WEB_MODULES));
