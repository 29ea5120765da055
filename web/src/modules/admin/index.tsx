import {
  AuditOutlined,
  CalendarOutlined,
  CloudServerOutlined,
  SafetyOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Navigate } from 'react-router';
import { lazyPage, type WebModule } from '../../app/module';
import { adminStrings } from './strings';

const SYSADMIN = ['sysadmin'] as const;

export const adminModule: WebModule = {
  name: 'admin',
  routes: [
    { area: 'admin', path: '', element: <Navigate to="/admin/users" replace /> },
    { area: 'admin', path: 'users', page: lazyPage(() => import('./users-page'), 'UsersPage') },
    {
      area: 'admin',
      path: 'settings',
      roles: SYSADMIN,
      page: lazyPage(() => import('./settings-page'), 'SettingsPage'),
    },
    {
      area: 'admin',
      path: 'calendar',
      roles: SYSADMIN,
      page: lazyPage(() => import('./calendar-page'), 'CalendarPage'),
    },
    {
      area: 'admin',
      path: 'backups',
      roles: ['secadmin', 'sysadmin'],
      page: lazyPage(() => import('./backups-page'), 'BackupsPage'),
    },
    {
      area: 'admin',
      path: 'security',
      roles: ['secadmin'],
      page: lazyPage(() => import('./security-page'), 'SecurityPage'),
    },
    { area: 'audit', path: '', page: lazyPage(() => import('./audit-page'), 'AuditPage') },
  ],
  menu: [
    { audience: 'admin', order: 10, path: '/admin/users', label: 'menu.users', icon: <TeamOutlined /> },
    {
      audience: 'admin',
      order: 20,
      path: '/admin/settings',
      label: 'menu.settings',
      icon: <SettingOutlined />,
      roles: SYSADMIN,
    },
    {
      audience: 'admin',
      order: 30,
      path: '/admin/calendar',
      label: 'menu.calendar',
      icon: <CalendarOutlined />,
      roles: SYSADMIN,
    },
    {
      audience: 'admin',
      order: 40,
      path: '/admin/backups',
      label: 'menu.backups',
      icon: <CloudServerOutlined />,
      roles: ['secadmin', 'sysadmin'],
    },
    {
      audience: 'admin',
      order: 35,
      path: '/admin/security',
      label: 'menu.security',
      icon: <SafetyOutlined />,
      roles: ['secadmin'],
    },
    { audience: 'audit', order: 10, path: '/audit', label: 'menu.audit', icon: <AuditOutlined /> },
  ],
  strings: adminStrings,
};
