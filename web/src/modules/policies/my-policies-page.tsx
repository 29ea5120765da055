import { Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth-context';
import { MatchesView } from './matches-view';

/** 我可享受的政策: the enterprise's own match against every item in force, with the reasons. */
export function MyPoliciesPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  return (
    <Card title={t('policies.mineTitle')} data-testid="my-policies">
      <MatchesView enterpriseId={user?.enterpriseId ?? null} year={year} onYearChange={setYear} />
    </Card>
  );
}
