import type { FieldLabels, Text } from '../text';

/** Messages of the platform forms' own checks (`params: { key }`), after the field's label. */
export const PLATFORM_ISSUE_MESSAGES: Record<string, Text> = {
  'platforms.dateInFuture': { zh: '：不能晚于今天', en: 'cannot be in the future' },
  'platforms.levelNotOfType': {
    zh: '：该平台类型没有这一级别（类型与级别的组合不存在）',
    en: 'is not a level this platform type exists at',
  },
  'platforms.typeInactive': { zh: '：该平台类型已停用', en: 'is a platform type no longer in use' },
  'platforms.oneHostOnly': {
    zh: '：该类型只能有一个依托单位（多个依托单位仅限创新创业共同体等类型）',
    en: 'this platform type has one host only',
  },
  'platforms.hostsRepeated': { zh: '：同一依托单位不能重复填写', en: 'lists the same host twice' },
  'platforms.hostNotInRegistry': {
    zh: '：不在企业库中，请先在企业库中登记该单位',
    en: 'is not an enterprise of the registry',
  },
  'platforms.typeUnknown': { zh: '：不存在', en: 'does not exist' },
  'platforms.notAnUpgrade': {
    zh: '：升级后的级别须高于当前级别（市级→省级→国家级）',
    en: 'must be higher than the current level',
  },
  'platforms.upgradeBeforeLast': {
    zh: '：不能早于上一次认定（升级）日期',
    en: 'cannot be before the previous recognition',
  },
  'platforms.effectiveBeforeRecognition': {
    zh: '：不能早于平台认定日期',
    en: 'cannot be before the recognition date',
  },
  'platforms.levelsRequired': { zh: '：至少选择一个级别', en: 'needs at least one level' },
  'platforms.levelsRepeated': { zh: '：同一级别不能重复选择', en: 'lists the same level twice' },
  'platforms.typeCodeTaken': { zh: '：该标识已被其他平台类型使用', en: 'is used by another platform type' },
  'platforms.tooManyValues': { zh: '：填写项过多', en: 'has too many entries' },
  'platforms.applicationNotEditable': {
    zh: '：申请已提交，只有草稿或退回补正的申请可以修改',
    en: 'can be changed only while a draft or returned for correction',
  },
  'platforms.notYourPlatform': {
    zh: '：不是本单位依托的平台',
    en: 'is not a platform your organisation hosts',
  },
  'platforms.platformNotInForce': { zh: '：该平台已撤销或摘牌', en: 'is no longer in force' },
  'platforms.typeOfPlatform': { zh: '：须与平台现有类型一致', en: 'must be the platform’s own type' },
  'platforms.typeLevelsInUse': {
    zh: '：仍有该级别的平台在册，不能取消这一级别',
    en: 'still has platforms at a level being removed',
  },
};

export const PLATFORM_FIELD_LABELS: FieldLabels = {
  name: { zh: '平台名称', en: 'Platform name' },
  typeId: { zh: '平台类型', en: 'Platform type' },
  level: { zh: '级别', en: 'Level' },
  approvingBody: { zh: '认定（备案）部门', en: 'Approving body' },
  documentNo: { zh: '认定（备案）文号', en: 'Document no.' },
  recognizedOn: { zh: '认定（备案）日期', en: 'Recognition date' },
  hostEnterpriseIds: { zh: '依托单位', en: 'Host organisation' },
  field: { zh: '技术领域', en: 'Field' },
  street: { zh: '所属街道/镇', en: 'Street / town' },
  areaSquareMeters: { zh: '面积（平方米）', en: 'Area (m²)' },
  staffCount: { zh: '人员数', en: 'Staff' },
  equipmentFen: { zh: '仪器设备原值', en: 'Equipment value' },
  contactName: { zh: '联系人', en: 'Contact person' },
  contactPhone: { zh: '联系电话', en: 'Contact phone' },
  effectiveOn: { zh: '生效日期', en: 'Effective date' },
  comment: { zh: '意见/依据', en: 'Reason' },
  code: { zh: '标识', en: 'Code' },
  levels: { zh: '可认定级别', en: 'Levels' },
  authority: { zh: '主管部门', en: 'Authority' },
  allowsSeveralHosts: { zh: '允许多个依托单位', en: 'Several hosts allowed' },
  countsForCoverage: { zh: '计入研发机构全覆盖', en: 'Counts for R&D coverage' },
  sortOrder: { zh: '排序', en: 'Order' },
  isActive: { zh: '启用', en: 'In use' },
  platformId: { zh: '申请升级的平台', en: 'Platform to upgrade' },
  summary: { zh: '申请说明', en: 'Summary' },
  values: { zh: '条件自查', en: 'Checklist' },
  requirements: { zh: '认定条件', en: 'Requirements' },
  action: { zh: '操作', en: 'Action' },
};
