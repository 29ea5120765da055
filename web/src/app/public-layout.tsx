import { Layout, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from './language-switch';
import { HEADER_BLUE, PlatformTitle } from './shell';

/** Header and footer of the pages anyone may open: portal, login, registration. */
export function PublicLayout({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: HEADER_BLUE,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          paddingInline: 24,
        }}
      >
        <Link to="/" aria-label={t('common.home')}>
          <PlatformTitle />
        </Link>
        <Space>
          {actions}
          <LanguageSwitch isDark />
        </Space>
      </Layout.Header>
      <Layout.Content>{children}</Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#888' }}>
        © {new Date().getFullYear()} · {t('common.platformSuffix').trim()}
      </Layout.Footer>
    </Layout>
  );
}

/** A centred white card under the public header, for the login and registration forms. */
export function PublicFormCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: '48px 16px' }}>
      <div
        style={{
          width: '100%',
          maxWidth: 480,
          background: '#fff',
          padding: '32px 40px',
          borderRadius: 6,
          boxShadow: '0 2px 12px rgba(0,0,0,0.08)',
        }}
      >
        <h2 style={{ marginTop: 0, marginBottom: 24, textAlign: 'center' }}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
