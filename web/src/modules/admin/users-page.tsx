import { PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import {
  ROLE_LABELS,
  ROLES,
  type Role,
  translate,
  type User,
  type userCreatedSchema,
  userCreateSchema,
  type userPageSchema,
} from '@kechuang/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError, toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { zodRule } from '../../app/form-rules';
import { currentLanguage } from '../../app/i18n';
import { CalendarWarnings } from './calendar-warnings';
import { InitialPasswordModal } from './initial-password-modal';

type UserPage = ReturnType<typeof userPageSchema.parse>;
type UserCreated = ReturnType<typeof userCreatedSchema.parse>;
type UserAction = 'disable' | 'enable' | 'unlock' | 'reset-password';

interface UserFilters {
  keyword?: string;
  role?: Role;
}

interface CreateValues {
  username: string;
  displayName: string;
  role: Role;
  enterpriseId?: number;
}

const createFields = userCreateSchema.shape;

function roleOptions() {
  const language = currentLanguage();
  return ROLES.map((role) => ({ value: role, label: translate(ROLE_LABELS[role], language) }));
}

function CreateUserModal({
  isOpen,
  onClose,
  onCreated,
}: {
  isOpen: boolean;
  onClose: () => void;
  onCreated: (created: UserCreated) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateValues>();
  const role = Form.useWatch('role', form);
  const create = useMutation({
    mutationFn: (values: CreateValues) => api.post<UserCreated>('/api/admin/users', values),
    onSuccess: (created) => {
      form.resetFields();
      onCreated(created);
    },
    onError: (error) => handleApiError(error, { form }),
  });
  return (
    <Modal
      open={isOpen}
      title={t('admin.newUser')}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: create.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        onFinish={(values) => create.mutate(values)}
        data-testid="user-create-form"
      >
        <Form.Item
          name="username"
          label={t('admin.username')}
          required
          rules={[zodRule(createFields.username, 'username')]}
        >
          <Input data-testid="user-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('admin.displayName')}
          required
          rules={[zodRule(createFields.displayName, 'displayName')]}
        >
          <Input data-testid="user-display-name" />
        </Form.Item>
        <Form.Item name="role" label={t('admin.role')} required rules={[zodRule(createFields.role, 'role')]}>
          <Select options={roleOptions()} data-testid="user-role" />
        </Form.Item>
        {role === 'enterprise' && (
          <Form.Item
            name="enterpriseId"
            label={t('admin.enterpriseId')}
            required
            rules={[zodRule(createFields.enterpriseId.unwrap(), 'enterpriseId')]}
          >
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UserFilters>();
  const [filters, setFilters] = useState<UserFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [isCreating, setIsCreating] = useState(false);
  const [grant, setGrant] = useState<{ username: string; initialPassword: string } | null>(null);
  const isSysadmin = user?.role === 'sysadmin';
  const isSecadmin = user?.role === 'secadmin';

  const query = { ...filters, page, pageSize };
  const list = useQuery({
    queryKey: ['admin', 'users', query],
    queryFn: () => api.get<UserPage>(`/api/admin/users${toQueryString(query)}`),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });

  const act = useMutation({
    mutationFn: ({ target, action }: { target: User; action: UserAction }) =>
      api.post<User | UserCreated>(`/api/admin/users/${target.id}/${action}`, { version: target.version }),
    onSuccess: (result) => {
      void refresh();
      if ('initialPassword' in result)
        setGrant({ username: result.user.username, initialPassword: result.initialPassword });
      else showSuccessMessage(t('common.done'));
    },
    onError: (error) => handleApiError(error, { onConflict: () => void refresh() }),
  });

  const columns: TableProps<User>['columns'] = [
    { title: t('admin.username'), dataIndex: 'username', key: 'username' },
    { title: t('admin.displayName'), dataIndex: 'displayName', key: 'displayName' },
    {
      title: t('admin.role'),
      dataIndex: 'role',
      key: 'role',
      render: (role: Role) => translate(ROLE_LABELS[role], currentLanguage()),
    },
    {
      title: t('admin.userStatus'),
      key: 'status',
      render: (_value, row) => (
        <Space size={4}>
          {row.isDisabled ? (
            <Tag color="error">{t('admin.disabled')}</Tag>
          ) : (
            <Tag color="success">{t('admin.enabled')}</Tag>
          )}
          {row.mustChangePassword && <Tag color="warning">{t('admin.mustChange')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('admin.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      render: (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—'),
    },
    {
      title: t('admin.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (value: string) => dayjs(value).format('YYYY-MM-DD'),
    },
  ];
  if (isSecadmin) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_value, row) => (
        <Space size={0} wrap>
          {row.isDisabled ? (
            <Button type="link" size="small" onClick={() => act.mutate({ target: row, action: 'enable' })}>
              {t('admin.enable')}
            </Button>
          ) : (
            <Popconfirm
              title={`${t('admin.disable')}？`}
              onConfirm={() => act.mutate({ target: row, action: 'disable' })}
            >
              <Button type="link" size="small" danger>
                {t('admin.disable')}
              </Button>
            </Popconfirm>
          )}
          {row.lockedUntil && (
            <Button type="link" size="small" onClick={() => act.mutate({ target: row, action: 'unlock' })}>
              {t('admin.unlock')}
            </Button>
          )}
          <Popconfirm
            title={t('admin.confirmResetPassword')}
            onConfirm={() => act.mutate({ target: row, action: 'reset-password' })}
          >
            <Button type="link" size="small" data-testid={`reset-password-${row.id}`}>
              {t('admin.resetPassword')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {user?.role === 'sysadmin' && <CalendarWarnings />}
      <Card>
        <Form<UserFilters>
          form={form}
          layout="inline"
          onFinish={(values) => {
            setFilters({ keyword: values.keyword?.trim() || undefined, role: values.role });
            setPage(1);
          }}
        >
          <Form.Item name="keyword" label={t('common.keyword')}>
            <Input allowClear placeholder={t('admin.keywordPlaceholder')} />
          </Form.Item>
          <Form.Item name="role" label={t('admin.role')}>
            <Select allowClear placeholder={t('common.all')} options={roleOptions()} style={{ width: 180 }} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('common.search')}
            </Button>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                form.resetFields();
                setFilters({});
                setPage(1);
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form>
      </Card>
      <Card
        title={t('menu.users')}
        extra={
          isSysadmin && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setIsCreating(true)}
              data-testid="user-create"
            >
              {t('admin.newUser')}
            </Button>
          )
        }
      >
        <Table<User>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          locale={{ emptyText: t('common.empty') }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (nextPage, nextSize) => {
              setPage(nextPage);
              setPageSize(nextSize);
            },
          }}
        />
      </Card>
      <CreateUserModal
        isOpen={isCreating}
        onClose={() => setIsCreating(false)}
        onCreated={(created) => {
          setIsCreating(false);
          void refresh();
          setGrant({ username: created.user.username, initialPassword: created.initialPassword });
        }}
      />
      <InitialPasswordModal grant={grant} onClose={() => setGrant(null)} />
    </Space>
  );
}
