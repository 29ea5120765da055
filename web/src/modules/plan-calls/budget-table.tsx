import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { BUDGET_CATEGORIES, FUNDING_SOURCES } from '@kechuang/domain';
import { Button, Form, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type FormValues, MONEY_KEYS, type MoneyRow } from './application-form-values';
import { fenToWan, formatWanYuan, textIn, wanToFen } from './plan-shared';

export function BudgetTable() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<FormValues>();
  const watched: unknown = Form.useWatch((values: FormValues) => values.budget?.rows, {
    form,
    preserve: true,
  });
  const rows = (
    Array.isArray(watched) ? watched : watched && typeof watched === 'object' ? Object.values(watched) : []
  ) as (MoneyRow | undefined)[];
  const sums = MONEY_KEYS.map(([key]) => rows.reduce((sum, row) => sum + wanToFen(row?.[key]), 0));
  return (
    <Form.List name={['budget', 'rows']}>
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="budget-table">
          <table style={{ width: '100%', borderCollapse: 'collapse' }}>
            <thead>
              <tr>
                <th style={{ textAlign: 'left' }}>{t('planCalls.budgetCategory')}</th>
                {FUNDING_SOURCES.map((source) => (
                  <th key={source.code} style={{ textAlign: 'left' }}>{`${textIn(source)}（万元）`}</th>
                ))}
                <th />
              </tr>
            </thead>
            <tbody>
              {fields.map((field) => (
                <tr key={field.key}>
                  <td>
                    <Form.Item name={[field.name, 'category']} style={{ margin: 4 }}>
                      <Select
                        style={{ minWidth: 120 }}
                        data-testid={`budget-category-${field.name}`}
                        options={BUDGET_CATEGORIES.map((item) => ({ value: item.code, label: textIn(item) }))}
                      />
                    </Form.Item>
                  </td>
                  {MONEY_KEYS.map(([key]) => (
                    <td key={key}>
                      <Form.Item name={[field.name, key]} style={{ margin: 4 }}>
                        <InputNumber
                          min={0}
                          precision={2}
                          data-testid={`budget-${field.name}-${key}`}
                          style={{ width: '100%' }}
                        />
                      </Form.Item>
                    </td>
                  ))}
                  <td>
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                  </td>
                </tr>
              ))}
              <tr>
                <td>
                  <Typography.Text strong>{t('planCalls.rowSums')}</Typography.Text>
                </td>
                {sums.map((sum, index) => (
                  <td key={MONEY_KEYS[index][0]} data-testid={`budget-sum-${MONEY_KEYS[index][0]}`}>
                    {formatWanYuan(sum)}
                  </td>
                ))}
                <td />
              </tr>
              <tr>
                <td>
                  <Typography.Text strong>{t('planCalls.totals')}</Typography.Text>
                </td>
                {MONEY_KEYS.map(([key], index) => (
                  <td key={key}>
                    <Form.Item
                      name={['budget', 'totals', key]}
                      style={{ margin: 4 }}
                      validateStatus={
                        form.getFieldValue(['budget', 'totals', key]) !== null &&
                        form.getFieldValue(['budget', 'totals', key]) !== undefined &&
                        wanToFen(form.getFieldValue(['budget', 'totals', key])) !== sums[index]
                          ? 'warning'
                          : undefined
                      }
                    >
                      <InputNumber
                        min={0}
                        precision={2}
                        data-testid={`budget-total-${key}`}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  </td>
                ))}
                <td />
              </tr>
            </tbody>
          </table>
          <Space>
            <Button
              icon={<PlusOutlined />}
              data-testid="budget-add"
              onClick={() =>
                add({
                  category: BUDGET_CATEGORIES[fields.length % 4].code,
                  fiscalWan: 0,
                  selfRaisedWan: 0,
                  otherWan: 0,
                })
              }
            >
              {t('planCalls.addRow')}
            </Button>
            <Button
              data-testid="budget-fill-totals"
              onClick={() =>
                form.setFieldValue(['budget', 'totals'], {
                  fiscalWan: fenToWan(sums[0]),
                  selfRaisedWan: fenToWan(sums[1]),
                  otherWan: fenToWan(sums[2]),
                })
              }
            >
              {t('planCalls.fillTotals')}
            </Button>
          </Space>
        </Space>
      )}
    </Form.List>
  );
}
