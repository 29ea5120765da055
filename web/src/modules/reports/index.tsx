import { FileWordOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/module';
import { reportStrings } from './strings';

export const reportsModule: WebModule = {
  name: 'reports',
  routes: [
    {
      area: 'bureau',
      path: 'reports/annual',
      roles: ['staff', 'leader'],
      page: lazyPage(() => import('./annual-report-page'), 'AnnualReportPage'),
    },
  ],
  menu: [
    {
      audience: 'bureau',
      group: 'stats',
      order: 30,
      path: '/bureau/reports/annual',
      label: 'annualReport.menu',
      icon: <FileWordOutlined />,
      roles: ['staff', 'leader'],
    },
  ],
  strings: reportStrings,
};
