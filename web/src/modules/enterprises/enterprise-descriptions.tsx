import { type Enterprise, formatFenAsWanYuan } from '@kechuang/domain';
import { Descriptions } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { entryLabel, useDictionaries } from '../../app/dictionaries';
import { EnterpriseStatusTag } from './enterprise-status';

function formatDateTime(value: string | null): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—';
}

/** The record in the sections a bureau officer reads: basic, contact, business registration. */
export function EnterpriseDescriptions({ enterprise }: { enterprise: Enterprise }) {
  const { t } = useTranslation();
  const dictionaries = useDictionaries();
  const dash = (value: string | null) => value || '—';
  return (
    <>
      <Descriptions
        title={t('enterprise.basicInfo')}
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        data-testid="enterprise-basic"
        items={[
          { key: 'creditCode', label: t('enterprise.creditCode'), children: enterprise.creditCode },
          { key: 'name', label: t('enterprise.name'), children: enterprise.name },
          {
            key: 'industry',
            label: t('enterprise.industry'),
            children: dash(entryLabel(dictionaries.data?.industries, enterprise.industry)),
          },
          { key: 'street', label: t('enterprise.streetFull'), children: dash(enterprise.street) },
          {
            key: 'size',
            label: t('enterprise.size'),
            children: dash(entryLabel(dictionaries.data?.sizes, enterprise.size)),
          },
          { key: 'foundedOn', label: t('enterprise.foundedOn'), children: dash(enterprise.foundedOn) },
          {
            key: 'status',
            label: t('enterprise.status'),
            children: <EnterpriseStatusTag status={enterprise.status} />,
          },
          {
            key: 'createdAt',
            label: t('enterprise.createdAt'),
            children: formatDateTime(enterprise.createdAt),
          },
          {
            key: 'verifiedAt',
            label: t('enterprise.verifiedAt'),
            children: formatDateTime(enterprise.verifiedAt),
          },
          {
            key: 'updatedAt',
            label: t('enterprise.updatedAt'),
            children: formatDateTime(enterprise.updatedAt),
          },
        ]}
      />
      <Descriptions
        title={t('enterprise.contactInfo')}
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginTop: 24 }}
        items={[
          { key: 'contactName', label: t('enterprise.contactName'), children: enterprise.contactName },
          { key: 'contactPhone', label: t('enterprise.contactPhone'), children: enterprise.contactPhone },
          {
            key: 'contactEmail',
            label: t('enterprise.contactEmail'),
            children: dash(enterprise.contactEmail),
          },
          { key: 'address', label: t('enterprise.address'), children: dash(enterprise.address) },
        ]}
      />
      <Descriptions
        title={t('enterprise.businessInfo')}
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginTop: 24 }}
        items={[
          {
            key: 'legalRepresentative',
            label: t('enterprise.legalRepresentative'),
            children: dash(enterprise.legalRepresentative),
          },
          {
            key: 'registeredCapital',
            label: t('enterprise.registeredCapitalShort'),
            children:
              enterprise.registeredCapitalFen === null
                ? '—'
                : formatFenAsWanYuan(enterprise.registeredCapitalFen),
          },
          {
            key: 'businessScope',
            label: t('enterprise.businessScope'),
            span: 'filled',
            children: dash(enterprise.businessScope),
          },
        ]}
      />
    </>
  );
}
