/** Strings of spreadsheet imports: Chinese (the default language) first, then English with the same keys. */
const zhCN = {
  import: {
    button: '导入',
    template: '下载导入模板',
    rules: '请使用导入模板填写；所有行校验通过后才会一次性导入，有任何一行出错则不导入任何数据。',
    drop: '点击或拖拽 Excel 文件（.xlsx）到此处上传',
    done: '导入完成：新增 {{created}} 条，更新 {{updated}} 条',
    failed: '发现 {{count}} 处错误，未导入任何数据，请修改后重新上传',
    row: '行号',
    column: '列',
    reason: '原因',
  },
};

/** The type makes a key missing in English an error. */
const en: typeof zhCN = {
  import: {
    button: 'Import',
    template: 'Download template',
    rules:
      'Fill in the template; rows are imported only when every row is valid: one bad row and nothing is imported.',
    drop: 'Click or drop an Excel file (.xlsx) here',
    done: 'Imported: {{created}} new, {{updated}} updated',
    failed: '{{count}} problems found; nothing was imported. Fix them and upload again',
    row: 'Row',
    column: 'Column',
    reason: 'Reason',
  },
};

export const importsStrings = { zhCN, en };
