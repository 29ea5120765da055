/** Strings of the public portal: Chinese (the default language) first, then English with the same keys. */
const zhCN = {
  portal: {
    bannerSubtitle: '科技计划项目申报、评审、立项、监督、结题全流程网上办理',
    notices: '通知公告',
    guides: '申报指南',
    publicity: '公示公告',
    policies: '政策文件',
    enterpriseCount: '注册企业',
    verifiedEnterpriseCount: '已认证企业',
    unit: '家',
  },
};

/** The type makes a key missing in English an error. */
const en: typeof zhCN = {
  portal: {
    bannerSubtitle: 'S&T plan projects online: application, review, approval, supervision and closure',
    notices: 'Notices',
    guides: 'Application guides',
    publicity: 'Public announcements',
    policies: 'Policy documents',
    enterpriseCount: 'Registered enterprises',
    verifiedEnterpriseCount: 'Verified enterprises',
    unit: '',
  },
};

export const portalStrings = { zhCN, en };
