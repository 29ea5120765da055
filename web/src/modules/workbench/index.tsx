import { DashboardOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/module';
import { workbenchStrings } from './strings';

const workbenchPage = lazyPage(() => import('./workbench-page'), 'WorkbenchPage');

export const workbenchModule: WebModule = {
  name: 'workbench',
  routes: [
    { area: 'bureau', path: '', page: workbenchPage },
    { area: 'enterprise', path: '', page: workbenchPage },
  ],
  menu: [
    { audience: 'bureau', order: 10, path: '/bureau', label: 'menu.workbench', icon: <DashboardOutlined /> },
    {
      audience: 'enterprise',
      order: 10,
      path: '/enterprise',
      label: 'menu.workbench',
      icon: <DashboardOutlined />,
    },
  ],
  strings: workbenchStrings,
};
