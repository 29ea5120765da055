import { BellOutlined } from '@ant-design/icons';
import type { Audience } from '@kechuang/domain';
import { lazyPage, type WebModule } from '../../app/module';
import { notificationsStrings } from './strings';

/** Every area has its notification centre, last in its menu. */
const AREAS: readonly Audience[] = ['bureau', 'enterprise', 'expert', 'admin', 'audit'];

const centrePage = lazyPage(() => import('./notification-center-page'), 'NotificationCenterPage');

export const notificationsModule: WebModule = {
  name: 'notifications',
  routes: AREAS.map((area) => ({ area, path: 'notifications', page: centrePage })),
  menu: AREAS.map((audience) => ({
    audience,
    order: 1000,
    path: `/${audience}/notifications`,
    label: 'menu.notifications',
    icon: <BellOutlined />,
  })),
  strings: notificationsStrings,
};

/** The bell in the shell's header: unread count and the latest notifications. */
export { NotificationBell } from './notification-bell';
