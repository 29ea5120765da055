import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** The list of people coming (name and mobile), at least one. */
export function AttendeesField({ testId }: { testId: string }) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('services.required') }];
  return (
    <Form.List name="attendees" initialValue={[{}]}>
      {(fields, { add, remove }) => (
        <Form.Item label={t('services.attendees')} required>
          {fields.map((field, index) => (
            <Space key={field.key} align="baseline">
              <Form.Item name={[field.name, 'name']} rules={required}>
                <Input placeholder={t('services.attendeeName')} data-testid={`${testId}-name-${index}`} />
              </Form.Item>
              <Form.Item name={[field.name, 'phone']} rules={required}>
                <Input placeholder={t('services.attendeePhone')} data-testid={`${testId}-phone-${index}`} />
              </Form.Item>
              {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid={`${testId}-add`}>
            {t('services.addAttendee')}
          </Button>
        </Form.Item>
      )}
    </Form.List>
  );
}
