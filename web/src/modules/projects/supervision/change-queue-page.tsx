import { CHANGE_KINDS, PROJECT_CHANGE_STATUSES, projectChangeWorkflow, translate } from '@kechuang/domain';
import { Card, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../app/i18n';
import { ChangesTable } from './changes-tab';
import { useChangeQueue, useRefreshSupervision } from './use-supervision';

/** 变更审核: change requests waiting for a decision (or any status), by kind. */
export function ChangeQueuePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [status, setStatus] = useState<string | undefined>('submitted');
  const [kind, setKind] = useState<string | undefined>();
  const query = useChangeQueue({ status, kind, pageSize: 100 });
  const refresh = useRefreshSupervision();
  return (
    <Card title={t('supervision.changeQueueTitle', { count: query.data?.total ?? 0 })}>
      <Space style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('supervision.status')}
          value={status}
          onChange={setStatus}
          options={PROJECT_CHANGE_STATUSES.map((value) => ({
            value,
            label: translate(projectChangeWorkflow.states[value], language),
          }))}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('supervision.changeKind')}
          value={kind}
          onChange={setKind}
          options={CHANGE_KINDS.map((item) => ({ value: item.code, label: translate(item, language) }))}
        />
      </Space>
      <ChangesTable changes={query.data?.items ?? []} onChanged={() => void refresh()} showProject />
    </Card>
  );
}
