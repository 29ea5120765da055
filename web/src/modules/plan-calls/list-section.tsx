import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A list section edited as rows of inputs. */
export function ListSection({
  name,
  testId,
  columns,
  empty,
}: {
  name: string;
  testId: string;
  columns: { key: string; label: string; render: (field: number) => ReactNode }[];
  empty: object;
}) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid={testId}>
          {fields.map((field) => (
            <Space key={field.key} align="start" wrap>
              {columns.map((column) => (
                <Form.Item key={column.key} label={column.label} style={{ marginBottom: 4 }}>
                  {column.render(field.name)}
                </Form.Item>
              ))}
              <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
            </Space>
          ))}
          <Button icon={<PlusOutlined />} data-testid={`${testId}-add`} onClick={() => add(empty)}>
            {t('planCalls.addRow')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
