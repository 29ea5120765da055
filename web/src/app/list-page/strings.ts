/** The list pages' own strings, merged into the translation resources by `initI18n`. */
export const zhCN = {
  listPage: {
    loadFailedHint: '列表未能加载，请检查网络后点击重试',
  },
};

export const en: typeof zhCN = {
  listPage: {
    loadFailedHint: 'The list could not be loaded; check the network and click Retry',
  },
};
