import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FilterCol, QueryBar } from '../../app/list-page/query-bar';
import { yearOptions } from '../../app/year-options';

/** A keyword (title, parties, number) and a year (of registration, else signing), kept in the URL. */
export function KeywordYearBar(props: {
  testId: string;
  values: { keyword?: string; year?: string };
  update: (changes: { keyword?: string; year?: string | number; page: number }) => void;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  return (
    <QueryBar<{ keyword?: string; year?: number }>
      testId={props.testId}
      values={{ keyword: props.values.keyword, year: props.values.year }}
      onSearch={(input) =>
        props.update({ keyword: input.keyword?.trim() || undefined, year: input.year || undefined, page: 1 })
      }
      onReset={() => props.update({ keyword: undefined, year: undefined, page: 1 })}
    >
      <FilterCol>
        <Form.Item name="keyword" label={t('common.keyword')}>
          <Input
            allowClear
            placeholder={props.placeholder ?? t('techTransfer.keywordPlaceholder')}
            data-testid={`${props.testId}-keyword`}
          />
        </Form.Item>
      </FilterCol>
      <FilterCol>
        <Form.Item name="year" label={t('techTransfer.year')}>
          <Select allowClear placeholder={t('common.all')} options={yearOptions(2015)} />
        </Form.Item>
      </FilterCol>
    </QueryBar>
  );
}
