import {
  AimOutlined,
  AuditOutlined,
  BarChartOutlined,
  FileProtectOutlined,
  SettingOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/module';
import { ContractLinkRedirect } from './contract-link-redirect';
import { techMatchingMenu, techMatchingRoutes } from './matching-module';
import { techTransferStrings } from './strings';

/** The 登记员 works the desk; the leader reads it. */
const DESK = ['staff', 'leader'] as const;

const filingPage = lazyPage(() => import('./contract-filing-page'), 'ContractFilingPage');
const settingsPage = lazyPage(() => import('./settings-page'), 'TechTransferSettingsPage');

export const techTransferModule: WebModule = {
  name: 'tech-transfer',
  routes: [
    ...techMatchingRoutes,
    { path: '/tech-transfer/contracts/:id', element: <ContractLinkRedirect /> },
    {
      area: 'bureau',
      path: 'tech-contracts',
      roles: DESK,
      page: lazyPage(() => import('./desk-page'), 'DeskPage'),
    },
    { area: 'bureau', path: 'tech-contracts/settings', roles: ['staff'], page: settingsPage },
    {
      area: 'bureau',
      path: 'observer/tech-contracts',
      roles: ['observer', 'staff'],
      page: lazyPage(() => import('./observer-page'), 'ObserverContractsPage'),
    },
    {
      area: 'bureau',
      path: 'tech-transfer/statistics',
      roles: ['staff', 'leader', 'observer'],
      page: lazyPage(() => import('./statistics-page'), 'TechTransferStatisticsPage'),
    },
    {
      area: 'bureau',
      path: 'tech-transfer/potential',
      roles: ['staff', 'leader'],
      page: lazyPage(() => import('./potential-page'), 'TechTransferPotentialPage'),
    },
    { area: 'admin', path: 'tech-transfer-settings', roles: ['sysadmin'], page: settingsPage },
    {
      area: 'enterprise',
      path: 'tech-contracts',
      page: lazyPage(() => import('./enterprise-contracts-page'), 'EnterpriseContractsPage'),
    },
    { area: 'enterprise', path: 'tech-contracts/new', page: filingPage },
    { area: 'enterprise', path: 'tech-contracts/:id', page: filingPage },
  ],
  menu: [
    ...techMatchingMenu,
    {
      audience: 'bureau',
      group: 'techTransfer',
      order: 10,
      path: '/bureau/tech-contracts',
      label: 'techTransfer.menuDesk',
      icon: <FileProtectOutlined />,
      roles: DESK,
    },
    {
      audience: 'bureau',
      group: 'techTransfer',
      order: 20,
      path: '/bureau/tech-transfer/statistics',
      label: 'techTransferStatistics.menuStatistics',
      icon: <BarChartOutlined />,
      roles: ['staff', 'leader'],
    },
    {
      audience: 'bureau',
      group: 'techTransfer',
      order: 30,
      path: '/bureau/tech-transfer/potential',
      label: 'techTransferStatistics.menuPotential',
      icon: <AimOutlined />,
      roles: ['staff', 'leader'],
    },
    {
      audience: 'bureau',
      group: 'observer',
      order: 30,
      path: '/bureau/observer/tech-contracts',
      label: 'techTransfer.menuObserver',
      icon: <AuditOutlined />,
      roles: ['observer'],
    },
    {
      audience: 'admin',
      order: 40,
      path: '/admin/tech-transfer-settings',
      label: 'techTransfer.menuSettings',
      icon: <SettingOutlined />,
      roles: ['sysadmin'],
    },
    {
      audience: 'enterprise',
      order: 90,
      path: '/enterprise/tech-contracts',
      label: 'techTransfer.menuEnterprise',
      icon: <SolutionOutlined />,
    },
  ],
  strings: techTransferStrings,
};
