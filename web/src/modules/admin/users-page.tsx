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
import type { FormInstance, TableProps } from 'antd';
import { Button, Form, Input, InputNumber, Popconfirm, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError, toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { zodRule } from '../../app/form-rules';
import { currentLanguage } from '../../app/i18n';
import { FormModal, useRecordForm } from '../../app/list-page/form-modal';
import { AddButton, ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { FilterCol, QueryBar } from '../../app/list-page/query-bar';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { CalendarWarnings } from './calendar-warnings';
import { InitialPasswordModal } from './initial-password-modal';

type UserPage = ReturnType<typeof userPageSchema.parse>;
type UserCreated = ReturnType<typeof userCreatedSchema.parse>;
type UserAction = 'disable' | 'enable' | 'unlock' | 'reset-password' | 'reset-second-factor';

type UserFilters = {
  keyword?: string;
  role?: Role;
};

interface CreateValues {
  username: string;
  displayName: string;
  role: Role;
  enterpriseId?: number;
  departmentId?: number;
}

const createFields = userCreateSchema.shape;

function roleOptions() {
  const language = currentLanguage();
  return ROLES.map((role) => ({ value: role, label: translate(ROLE_LABELS[role], language) }));
}

/** 新建用户: the account and, for an enterprise user, its enterprise; the initial password follows. */
function CreateUserFields({ form }: { form: FormInstance<CreateValues> }) {
  const { t } = useTranslation();
  const role = Form.useWatch('role', form);
  // The 问题台账's departments (科室, 区直部门, 街道) a department account answers for.
  const departments = useQuery({
    queryKey: ['admin', 'service-departments'],
    queryFn: () => api.get<{ items: { id: number; name: string }[] }>('/api/services/departments'),
    enabled: role === 'department',
    staleTime: 60_000,
  });
  return (
    <>
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
      {role === 'department' && (
        <Form.Item
          name="departmentId"
          label={t('admin.departmentId')}
          required
          rules={[zodRule(createFields.departmentId.unwrap(), 'departmentId')]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="user-department"
            loading={departments.isLoading}
            options={(departments.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
          />
        </Form.Item>
      )}
    </>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const { values, page, pageSize, update } = useUrlFilters(['keyword', 'role'] as const);
  const [grant, setGrant] = useState<{ username: string; initialPassword: string } | null>(null);
  const isSysadmin = user?.role === 'sysadmin';
  const isSecadmin = user?.role === 'secadmin';

  const query = { keyword: values.keyword, role: values.role, page, pageSize };
  const list = useQuery({
    queryKey: ['admin', 'users', query],
    queryFn: () => api.get<UserPage>(`/api/admin/users${toQueryString(query)}`),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
  const creation = useRecordForm<User, CreateValues, UserCreated>({
    url: '/api/admin/users',
    invalidateKey: ['admin', 'users'],
    toBody: (input) => input,
    // The initial password, shown once, is the outcome.
    successText: null,
    onSaved: (created) =>
      setGrant({ username: created.user.username, initialPassword: created.initialPassword }),
  });

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
          {row.secondFactorEnabled && <Tag color="blue">{t('admin.secondFactorOn')}</Tag>}
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
          {row.secondFactorEnabled && (
            <Popconfirm
              title={t('admin.confirmResetSecondFactor')}
              onConfirm={() => act.mutate({ target: row, action: 'reset-second-factor' })}
            >
              <Button type="link" size="small" data-testid={`reset-second-factor-${row.id}`}>
                {t('admin.resetSecondFactor')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {user?.role === 'sysadmin' && <CalendarWarnings />}
      <ListPage
        filters={
          <QueryBar<UserFilters>
            testId="user-query"
            values={{ keyword: values.keyword, role: values.role }}
            onSearch={(input) =>
              update({ keyword: input.keyword?.trim() || undefined, role: input.role, page: 1 })
            }
            onReset={() => update({ keyword: undefined, role: undefined, page: 1 })}
          >
            <FilterCol>
              <Form.Item name="keyword" label={t('common.keyword')}>
                <Input allowClear placeholder={t('admin.keywordPlaceholder')} />
              </Form.Item>
            </FilterCol>
            <FilterCol>
              <Form.Item name="role" label={t('admin.role')}>
                <Select allowClear placeholder={t('common.all')} options={roleOptions()} />
              </Form.Item>
            </FilterCol>
          </QueryBar>
        }
        title={t('menu.users')}
        actions={
          isSysadmin && (
            <AddButton label={t('admin.newUser')} onClick={() => creation.open('new')} testId="user-create" />
          )
        }
        overlays={
          <>
            <FormModal
              recordForm={creation}
              title={t('admin.newUser')}
              okText={t('common.submit')}
              formTestId="user-create-form"
            >
              <CreateUserFields form={creation.form} />
            </FormModal>
            <InitialPasswordModal grant={grant} onClose={() => setGrant(null)} />
          </>
        }
      >
        <ListTable<User> columns={columns} query={list} paging={{ page, pageSize, update }} />
      </ListPage>
    </Space>
  );
}
