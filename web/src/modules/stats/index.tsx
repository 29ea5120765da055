import { LineChartOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/module';
import { statsStrings } from './strings';

const STAFF = ['staff', 'leader'] as const;

export const statsModule: WebModule = {
  name: 'stats',
  routes: [
    {
      area: 'bureau',
      path: 'stats/high-tech-industry',
      roles: STAFF,
      page: lazyPage(() => import('./high-tech-industry-page'), 'HighTechIndustryPage'),
    },
  ],
  menu: [
    {
      audience: 'bureau',
      group: 'stats',
      order: 10,
      path: '/bureau/stats/high-tech-industry',
      label: 'stats.menu',
      icon: <LineChartOutlined />,
      roles: STAFF,
    },
  ],
  strings: statsStrings,
};
