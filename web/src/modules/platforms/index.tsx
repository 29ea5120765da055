import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CarryOutOutlined,
  ClusterOutlined,
  ContainerOutlined,
  FileAddOutlined,
  FundViewOutlined,
  PartitionOutlined,
  TableOutlined,
} from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/module';
import { platformsStrings } from './strings';

/** Staff keep the register; the leader reads it. */
const BUREAU = ['staff', 'leader'] as const;

/** 科创载体: the platform register, its types and levels, and an enterprise's own platforms. */
export const platformsModule: WebModule = {
  name: 'platforms',
  routes: [
    {
      area: 'bureau',
      path: 'platforms',
      roles: BUREAU,
      page: lazyPage(() => import('./registry-page'), 'RegistryPage'),
    },
    {
      area: 'bureau',
      path: 'platforms/types',
      roles: BUREAU,
      page: lazyPage(() => import('./types-page'), 'PlatformTypesPage'),
    },
    {
      area: 'bureau',
      path: 'platforms/statistics',
      roles: BUREAU,
      page: lazyPage(() => import('./statistics-page'), 'PlatformStatisticsPage'),
    },
    {
      area: 'bureau',
      path: 'platforms/coverage',
      roles: BUREAU,
      page: lazyPage(() => import('./coverage-page'), 'CoveragePage'),
    },
    {
      area: 'bureau',
      path: 'platforms/applications',
      roles: BUREAU,
      page: lazyPage(() => import('./applications-page'), 'ApplicationsPage'),
    },
    {
      area: 'bureau',
      path: 'platforms/evaluations',
      roles: BUREAU,
      page: lazyPage(() => import('./evaluations-page'), 'EvaluationsPage'),
    },
    {
      area: 'bureau',
      path: 'platforms/cooperations',
      roles: BUREAU,
      page: lazyPage(() => import('./cooperations-page'), 'CooperationsPage'),
    },
    {
      area: 'enterprise',
      path: 'platform-evaluations',
      page: lazyPage(() => import('./evaluations-page'), 'EvaluationsPage'),
    },
    {
      area: 'enterprise',
      path: 'platform-applications',
      page: lazyPage(() => import('./applications-page'), 'ApplicationsPage'),
    },
    {
      area: 'enterprise',
      path: 'platforms',
      page: lazyPage(() => import('./enterprise-platforms-page'), 'EnterprisePlatformsPage'),
    },
  ],
  menu: [
    {
      audience: 'bureau',
      group: 'platforms',
      order: 10,
      path: '/bureau/platforms',
      label: 'platforms.menuRegister',
      icon: <ClusterOutlined />,
      roles: BUREAU,
    },
    {
      audience: 'bureau',
      group: 'platforms',
      order: 20,
      path: '/bureau/platforms/types',
      label: 'platforms.menuTypes',
      icon: <PartitionOutlined />,
      roles: BUREAU,
    },
    {
      audience: 'bureau',
      group: 'platforms',
      order: 30,
      path: '/bureau/platforms/statistics',
      label: 'platforms.menuStatistics',
      icon: <TableOutlined />,
      roles: BUREAU,
    },
    {
      audience: 'bureau',
      group: 'platforms',
      order: 40,
      path: '/bureau/platforms/coverage',
      label: 'platforms.menuCoverage',
      icon: <FundViewOutlined />,
      roles: BUREAU,
    },
    {
      audience: 'bureau',
      group: 'platforms',
      order: 15,
      path: '/bureau/platforms/applications',
      label: 'platforms.menuApplications',
      icon: <AuditOutlined />,
      roles: BUREAU,
    },
    {
      audience: 'bureau',
      group: 'platforms',
      order: 17,
      path: '/bureau/platforms/evaluations',
      label: 'platforms.menuEvaluations',
      icon: <CarryOutOutlined />,
      roles: BUREAU,
    },
    {
      audience: 'bureau',
      group: 'platforms',
      order: 45,
      path: '/bureau/platforms/cooperations',
      label: 'platforms.menuCooperations',
      icon: <BankOutlined />,
      roles: BUREAU,
    },
    {
      audience: 'enterprise',
      order: 97,
      path: '/enterprise/platform-evaluations',
      label: 'platforms.menuMyEvaluations',
      icon: <ContainerOutlined />,
    },
    {
      audience: 'enterprise',
      order: 96,
      path: '/enterprise/platform-applications',
      label: 'platforms.menuMyApplications',
      icon: <FileAddOutlined />,
    },
    {
      audience: 'enterprise',
      order: 95,
      path: '/enterprise/platforms',
      label: 'platforms.menuEnterprise',
      icon: <ApartmentOutlined />,
    },
  ],
  strings: platformsStrings,
};
