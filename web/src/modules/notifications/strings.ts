/** Strings of notifications: Chinese (the default language) first, then English with the same keys. */
const zhCN = {
  notifications: {
    title: '消息中心',
    unreadOnly: '只看未读',
    markRead: '标为已读',
    markAllRead: '全部标为已读',
    open: '查看详情',
    empty: '暂无消息',
  },
};

/** The type makes a key missing in English an error. */
const en: typeof zhCN = {
  notifications: {
    title: 'Messages',
    unreadOnly: 'Unread only',
    markRead: 'Mark as read',
    markAllRead: 'Mark all as read',
    open: 'Open',
    empty: 'No messages',
  },
};

export const notificationsStrings = { zhCN, en };
