import { DatabaseOutlined, FundProjectionScreenOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/module';
import { dashboardStrings } from './strings';

const READERS = ['staff', 'leader', 'observer'] as const;

export const dashboardModule: WebModule = {
  name: 'dashboard',
  routes: [
    {
      area: 'bureau',
      path: 'dashboard',
      roles: READERS,
      page: lazyPage(() => import('./dashboard-page'), 'DashboardPage'),
    },
    {
      area: 'bureau',
      path: 'dashboard/statistics',
      roles: ['staff', 'leader'],
      page: lazyPage(() => import('./statistics-page'), 'StatisticsPage'),
    },
  ],
  menu: [
    {
      audience: 'bureau',
      order: 15,
      path: '/bureau/dashboard',
      label: 'dashboard.menu',
      icon: <FundProjectionScreenOutlined />,
      roles: READERS,
    },
    {
      audience: 'bureau',
      group: 'stats',
      order: 20,
      path: '/bureau/dashboard/statistics',
      label: 'dashboard.statisticsMenu',
      icon: <DatabaseOutlined />,
      roles: ['staff', 'leader'],
    },
  ],
  strings: dashboardStrings,
  landing: [{ role: 'leader', path: '/bureau/dashboard' }],
};
