import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Col, Form, Row, Space } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The 查询 / 重置 bar of a list; its fields show the filters of the URL. */
export function QueryBar<TValues extends Record<string, unknown>>(props: {
  values: Partial<Record<keyof TValues, string>>;
  onSearch: (values: TValues) => void;
  onReset: () => void;
  testId: string;
  /**
   * The form's values from the URL's; by default digits become numbers (ids, years) but keywords stay
   * text. Pass a function defined outside the component: a new one each render would reset the form.
   */
  toFormValues?: (values: Record<string, string | undefined>) => Partial<TValues>;
  /** The buttons' test ids, `${testId}-search` and `${testId}-reset` unless named. */
  buttonTestIds?: { search: string; reset: string };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TValues>();
  const search = JSON.stringify(props.values);
  const { toFormValues = numbersFromDigits } = props;
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toFormValues(JSON.parse(search)) as never);
  }, [search, form, toFormValues]);
  return (
    <Form<TValues> form={form} data-testid={props.testId} onFinish={props.onSearch}>
      <Row gutter={16}>{props.children}</Row>
      <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button
          type="primary"
          htmlType="submit"
          icon={<SearchOutlined />}
          data-testid={props.buttonTestIds?.search ?? `${props.testId}-search`}
        >
          {t('common.search')}
        </Button>
        <Button
          icon={<ReloadOutlined />}
          data-testid={props.buttonTestIds?.reset ?? `${props.testId}-reset`}
          onClick={() => {
            form.resetFields();
            props.onReset();
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
    </Form>
  );
}

function numbersFromDigits(values: Record<string, string | undefined>) {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      key,
      value !== undefined && /^\d+$/.test(value) && key !== 'keyword' ? Number(value) : value,
    ]),
  );
}

export function FilterCol({ children }: { children: ReactNode }) {
  return (
    <Col xs={24} md={12} xl={6}>
      {children}
    </Col>
  );
}
