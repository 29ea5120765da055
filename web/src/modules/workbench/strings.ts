/** Strings of the workbench: Chinese (the default language) first, then English with the same keys. */
const zhCN = {
  workbench: {
    todos: '待办事项',
    noTodos: '暂无待办',
    unread: '未读消息',
    noReviewTasks: '暂无评审任务',
    welcome: '欢迎您，{{name}}',
    statusTitle: '认证状态：{{status}}',
    pendingAlert: '企业信息已提交，等待科技局审核。',
    returnedAlert: '企业认证被退回，请按意见修改企业信息后重新提交。',
    returnReason: '退回意见：{{reason}}',
    verifiedAlert: '企业已通过科技局认证。',
  },
};

/** The type makes a key missing in English an error. */
const en: typeof zhCN = {
  workbench: {
    todos: 'To do',
    noTodos: 'Nothing to do',
    unread: 'Unread messages',
    noReviewTasks: 'No review tasks',
    welcome: 'Welcome, {{name}}',
    statusTitle: 'Verification status: {{status}}',
    pendingAlert: 'Your enterprise is waiting for verification by the bureau.',
    returnedAlert: 'Your verification was returned; update the profile and resubmit.',
    returnReason: 'Reason: {{reason}}',
    verifiedAlert: 'Your enterprise is verified by the bureau.',
  },
};

export const workbenchStrings = { zhCN, en };
