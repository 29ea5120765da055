import { GlobalOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from './i18n';

/** Toggles 中文 / English; the button names the language it switches to. */
export function LanguageSwitch({ isDark = false }: { isDark?: boolean }) {
  useTranslation();
  const queryClient = useQueryClient();
  const isEnglish = currentLanguage() === 'en';
  return (
    <Button
      data-testid="language-switch"
      type="text"
      size="small"
      icon={<GlobalOutlined />}
      style={isDark ? { color: '#fff' } : undefined}
      onClick={async () => {
        await changeLanguage(isEnglish ? 'zh-CN' : 'en');
        // Server texts (messages, titles) come in the chosen language.
        await queryClient.invalidateQueries();
      }}
    >
      {isEnglish ? '中文' : 'English'}
    </Button>
  );
}
