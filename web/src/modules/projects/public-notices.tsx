import type { PublicNotice } from '@kechuang/domain';
import { useQuery } from '@tanstack/react-query';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';

/** The published 立项公示 notices, as the portal home card and the portal page show them. */
export function usePublicNotices() {
  return useQuery({
    queryKey: ['public', 'publicity-notices'],
    queryFn: () => api.get<{ items: PublicNotice[] }>('/api/public/publicity-notices'),
  });
}

export function NoticeTag({ notice }: { notice: PublicNotice }) {
  const { t } = useTranslation();
  return notice.isCurrent ? <Tag color="purple">{t('plan.current')}</Tag> : <Tag>{t('plan.ended')}</Tag>;
}
