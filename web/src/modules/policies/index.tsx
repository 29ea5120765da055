import {
  BookOutlined,
  FileWordOutlined,
  GiftOutlined,
  ReadOutlined,
  SettingOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/module';
import { policiesStrings } from './strings';

const BUREAU = ['staff', 'leader'] as const;

const settingsPage = lazyPage(() => import('./settings-page'), 'PolicySettingsPage');

/** 政策服务: the policy library, 免申即享 payouts, the 《政策指引》, the enterprise's matches and the portal's documents. */
export const policiesModule: WebModule = {
  name: 'policies',
  routes: [
    {
      area: 'bureau',
      path: 'policies',
      roles: BUREAU,
      page: lazyPage(() => import('./library-page'), 'LibraryPage'),
    },
    {
      area: 'bureau',
      path: 'policies/payouts',
      roles: BUREAU,
      page: lazyPage(() => import('./payouts-page'), 'PayoutsPage'),
    },
    {
      area: 'bureau',
      path: 'policies/guide',
      roles: BUREAU,
      page: lazyPage(() => import('./guide-page'), 'GuidePage'),
    },
    {
      area: 'bureau',
      path: 'policies/matches',
      roles: BUREAU,
      page: lazyPage(() => import('./enterprise-matches-page'), 'EnterpriseMatchesPage'),
    },
    { area: 'bureau', path: 'policies/settings', roles: ['staff'], page: settingsPage },
    { area: 'admin', path: 'policy-settings', roles: ['sysadmin'], page: settingsPage },
    {
      area: 'enterprise',
      path: 'policies',
      page: lazyPage(() => import('./my-policies-page'), 'MyPoliciesPage'),
    },
    { path: '/policies', page: lazyPage(() => import('./portal-page'), 'PortalPoliciesPage') },
  ],
  menu: [
    {
      audience: 'admin',
      order: 40,
      path: '/admin/policy-settings',
      label: 'policies.menuSettings',
      icon: <SettingOutlined />,
      roles: ['sysadmin'],
    },
    {
      audience: 'bureau',
      group: 'policies',
      order: 10,
      path: '/bureau/policies',
      label: 'policies.menuLibrary',
      icon: <ReadOutlined />,
      roles: BUREAU,
    },
    {
      audience: 'bureau',
      group: 'policies',
      order: 20,
      path: '/bureau/policies/payouts',
      label: 'policies.menuPayouts',
      icon: <GiftOutlined />,
      roles: BUREAU,
    },
    {
      audience: 'bureau',
      group: 'policies',
      order: 25,
      path: '/bureau/policies/matches',
      label: 'policies.menuMatches',
      icon: <SolutionOutlined />,
      roles: BUREAU,
    },
    {
      audience: 'bureau',
      group: 'policies',
      order: 30,
      path: '/bureau/policies/guide',
      label: 'policies.menuGuide',
      icon: <FileWordOutlined />,
      roles: BUREAU,
    },
    {
      audience: 'enterprise',
      order: 96,
      path: '/enterprise/policies',
      label: 'policies.menuMine',
      icon: <BookOutlined />,
    },
  ],
  strings: policiesStrings,
};
