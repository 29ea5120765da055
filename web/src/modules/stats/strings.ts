/** Strings of statistics: Chinese (the default language) first, then English with the same keys. */
const zhCN = {
  stats: {
    menu: '高新技术产业统计',
    share: '高新技术产业产值占规上工业总产值比重',
    growth: '高新技术产业产值同比增速',
    highTechOutput: '高新技术产业产值',
    aboveScaleOutput: '规上工业总产值',
    previousHighTechOutput: '上年同期高新技术产业产值',
    aboveScaleMonths: '规上月数',
    behind: '{{from}} 至 {{to}} 计入统计的企业',
  },
};

/** The type makes a key missing in English an error. */
const en: typeof zhCN = {
  stats: {
    menu: 'High-tech industry',
    share: 'High-tech share of above-scale output',
    growth: 'High-tech output growth (year on year)',
    highTechOutput: 'High-tech industry output',
    aboveScaleOutput: 'Above-scale industrial output',
    previousHighTechOutput: 'High-tech output a year earlier',
    aboveScaleMonths: 'Months above scale',
    behind: 'Enterprises counted, {{from}} to {{to}}',
  },
};

export const statsStrings = { zhCN, en };
