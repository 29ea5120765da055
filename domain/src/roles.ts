export const ROLES = [
  'enterprise',
  'expert',
  'staff',
  'leader',
  'observer',
  'sysadmin',
  'secadmin',
  'auditor',
  'department',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  enterprise: { zh: '企业用户', en: 'Enterprise' },
  expert: { zh: '评审专家', en: 'Expert' },
  staff: { zh: '科技局工作人员', en: 'Bureau staff' },
  leader: { zh: '领导', en: 'Leader' },
  observer: { zh: '财税部门', en: 'Finance/tax observer' },
  sysadmin: { zh: '系统管理员', en: 'System administrator' },
  secadmin: { zh: '安全管理员', en: 'Security administrator' },
  auditor: { zh: '审计管理员', en: 'Auditor' },
  department: { zh: '责任单位', en: 'Responsible department' },
};

/** Which layout a role lands on after login. */
export type Audience = 'bureau' | 'enterprise' | 'expert' | 'admin' | 'audit';
export const ROLE_AUDIENCE: Record<Role, Audience> = {
  enterprise: 'enterprise',
  expert: 'expert',
  staff: 'bureau',
  leader: 'bureau',
  observer: 'bureau',
  sysadmin: 'admin',
  secadmin: 'admin',
  auditor: 'audit',
  department: 'bureau',
};
