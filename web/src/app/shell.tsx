import { DownOutlined, KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { ROLE_LABELS, translate } from '@kechuang/domain';
import { Breadcrumb, Button, Dropdown, Layout, Menu, Space, Typography, theme } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from './auth-context';
import { platformName, useDictionaries } from './dictionaries';
import { PageLoading } from './guards';
import { currentLanguage } from './i18n';
import { LanguageSwitch } from './language-switch';
import { registeredWebModules } from './module-registry';
import { homePathOf, isMenuGroup, type MenuNode, menuEntries, menuFor, menuGroupOf } from './navigation';

export const HEADER_BLUE = '#0a3d8f';

/** The longest menu path that the current location starts with. */
function activeMenuPath(pathname: string, paths: string[]): string | undefined {
  return paths
    .filter((path) => pathname === path || pathname.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0];
}

export function PlatformTitle() {
  const dictionaries = useDictionaries();
  return (
    <Typography.Title
      level={4}
      data-testid="platform-name"
      style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap', letterSpacing: 1 }}
    >
      {platformName(dictionaries.data?.districtName)}
    </Typography.Title>
  );
}

function UserMenu() {
  const { user, logout } = useAuth();
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (!user) return null;
  return (
    <Dropdown
      menu={{
        items: [
          { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
          { key: 'second-factor', icon: <SafetyOutlined />, label: t('header.secondFactor') },
          { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
        ],
        onClick: async ({ key }) => {
          if (key === 'password') navigate('/change-password');
          if (key === 'second-factor') navigate('/account/second-factor');
          if (key === 'logout') {
            await logout();
            navigate('/login', { replace: true });
          }
        },
      }}
    >
      <Button type="text" style={{ color: '#fff' }} data-testid="user-menu">
        <UserOutlined />
        {t('header.userWithRole', {
          name: user.displayName,
          role: translate(ROLE_LABELS[user.role], currentLanguage()),
        })}
        <DownOutlined />
      </Button>
    </Dropdown>
  );
}

/**
 * The side menu. The selected entry follows the URL, deep pages included, and so does its
 * group: arriving in a group opens it, while groups opened or closed by hand stay as they are.
 */
function SideMenu({
  nodes,
  active,
  collapsed,
}: {
  nodes: MenuNode[];
  active: string | undefined;
  collapsed: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const activeGroup = menuGroupOf(nodes, active)?.key;
  const [openKeys, setOpenKeys] = useState<string[]>(activeGroup ? [activeGroup] : []);
  const [shownGroup, setShownGroup] = useState(activeGroup);
  if (activeGroup !== shownGroup) {
    setShownGroup(activeGroup);
    if (activeGroup && !openKeys.includes(activeGroup)) setOpenKeys([...openKeys, activeGroup]);
  }
  // Narrow screens fold the menu to icons, whose groups pop out on hover: kept apart from the
  // groups open in the full menu, which come back as they were.
  const [popupKeys, setPopupKeys] = useState<string[]>([]);
  return (
    <Menu
      mode="inline"
      data-testid="side-menu"
      selectedKeys={active ? [active] : []}
      openKeys={collapsed ? popupKeys : openKeys}
      onOpenChange={collapsed ? setPopupKeys : setOpenKeys}
      style={{ height: '100%', borderInlineEnd: 0, paddingTop: 8 }}
      items={nodes.map((node) =>
        isMenuGroup(node)
          ? {
              key: node.key,
              icon: node.icon,
              label: t(node.label),
              children: node.children.map((entry) => ({
                key: entry.path,
                icon: entry.icon,
                label: t(entry.label),
              })),
            }
          : { key: node.path, icon: node.icon, label: t(node.label) },
      )}
      onClick={({ key }) => navigate(key)}
    />
  );
}

/** The back office and the role portals: dark-blue top bar, menu by role, breadcrumb, white cards. */
export function Shell() {
  const { user } = useAuth();
  const { t } = useTranslation();
  const location = useLocation();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  if (!user) return null;
  const nodes = menuFor(user.role);
  const entries = menuEntries(nodes);
  const active = activeMenuPath(
    location.pathname,
    entries.map((entry) => entry.path),
  );
  const activeEntry = entries.find((entry) => entry.path === active);
  const home = entries[0];
  const activeGroup = menuGroupOf(nodes, active);
  const crumbs = [{ title: <Link to={homePathOf(user.role)}>{t(home.label)}</Link> }];
  if (activeGroup) crumbs.push({ title: <span>{t(activeGroup.label)}</span> });
  if (activeEntry && activeEntry !== home)
    crumbs.push({ title: <Link to={activeEntry.path}>{t(activeEntry.label)}</Link> });
  if (active && location.pathname !== active && location.pathname.startsWith('/bureau/enterprises/')) {
    const checkup = /^\/bureau\/enterprises\/(\d+)\/checkup$/.exec(location.pathname);
    crumbs.push({
      title: checkup ? (
        <Link to={`/bureau/enterprises/${checkup[1]}`}>{t('menu.enterpriseDetail')}</Link>
      ) : (
        <span>{t('menu.enterpriseDetail')}</span>
      ),
    });
    if (checkup) crumbs.push({ title: <span>{t('menu.checkup')}</span> });
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: HEADER_BLUE,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          paddingInline: 24,
          gap: 16,
        }}
      >
        <Link to={homePathOf(user.role)}>
          <PlatformTitle />
        </Link>
        <Space size="middle">
          <LanguageSwitch isDark />
          {registeredWebModules()
            .flatMap((module) => module.headerItems ?? [])
            .map((HeaderItem, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed at start-up, so a position keeps its widget
              <HeaderItem key={index} />
            ))}
          <UserMenu />
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          width={208}
          breakpoint="lg"
          collapsedWidth={64}
          onCollapse={setCollapsed}
          style={{ background: token.colorBgContainer }}
        >
          <SideMenu nodes={nodes} active={active} collapsed={collapsed} />
        </Layout.Sider>
        <Layout.Content style={{ padding: '12px 24px 24px' }}>
          <Breadcrumb items={crumbs} style={{ marginBottom: 12 }} />
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
