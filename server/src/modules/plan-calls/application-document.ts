import {
  type ApplicationDetail,
  BUDGET_CATEGORIES,
  FUNDING_SOURCES,
  formatFenAsWanYuan,
  projectApplicationWorkflow,
  TEAM_ROLES,
} from '@kechuang/domain';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

const FONT = 'SimSun';
const TARGET_KINDS: Record<string, string> = {
  technical: '技术指标',
  economic: '经济指标',
  other: '其他指标',
};

function heading(
  text: string,
  level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1,
) {
  return new Paragraph({
    heading: level,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, font: FONT })],
  });
}

function paragraph(text: string) {
  return new Paragraph({ spacing: { after: 80 }, children: [new TextRun({ text, font: FONT, size: 24 })] });
}

function cell(text: string, isHeader = false) {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, font: FONT, size: 21, bold: isHeader })] })],
  });
}

function table(header: string[], rows: string[][]) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((text) => cell(text, true)) }),
      ...(rows.length === 0 ? [header.map(() => '')] : rows).map(
        (row) => new TableRow({ children: row.map((text) => cell(text)) }),
      ),
    ],
  });
}

const wan = (fen: number) => formatFenAsWanYuan(fen, 2).replace('万元', '');

/** The 申报书 as a Word document: cover facts, then one headed section per part of the form, tables for the lists. */
export async function buildApplicationDocument(detail: ApplicationDetail): Promise<Buffer> {
  const { application, content, call } = detail;
  const budgetRows = content.budget.rows.map((row) => {
    const total = row.fiscalFen + row.selfRaisedFen + row.otherFen;
    return [
      BUDGET_CATEGORIES.find((item) => item.code === row.category)?.zh ?? row.category,
      wan(row.fiscalFen),
      wan(row.selfRaisedFen),
      wan(row.otherFen),
      wan(total),
    ];
  });
  const totals = content.budget.totals;
  if (totals)
    budgetRows.push([
      '合计',
      wan(totals.fiscalFen),
      wan(totals.selfRaisedFen),
      wan(totals.otherFen),
      wan(totals.fiscalFen + totals.selfRaisedFen + totals.otherFen),
    ]);
  const document = new Document({
    creator: '科创平台',
    title: `${content.basics.title || application.title} 申报书`,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: call.categoryName, font: FONT, size: 32 })],
          }),
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            spacing: { after: 480 },
            children: [new TextRun({ text: '项目申报书', font: FONT, size: 44, bold: true })],
          }),
          table(
            ['项目', '内容'],
            [
              ['申报编号', application.applicationNo ?? '（未提交）'],
              ['项目名称', content.basics.title],
              ['申报单位', application.enterpriseName],
              ['申报通知', call.title],
              ['项目负责人', application.principalName ?? ''],
              ['实施期限', `${content.basics.startOn ?? ''} 至 ${content.basics.endOn ?? ''}`],
              ['申请财政资金（万元）', wan(application.requestedFen)],
              ['状态', projectApplicationWorkflow.states[application.status].zh],
              [
                '提交时间',
                application.submittedAt ? application.submittedAt.replace('T', ' ').slice(0, 19) : '',
              ],
            ],
          ),
          heading('一、项目基本情况'),
          heading('项目简介', HeadingLevel.HEADING_2),
          ...(content.basics.summary || '（未填写）').split('\n').map(paragraph),
          ...(content.basics.partners.length
            ? [
                heading('合作单位', HeadingLevel.HEADING_2),
                table(
                  ['单位名称', '统一社会信用代码'],
                  content.basics.partners.map((partner) => [partner.name, partner.creditCode ?? '']),
                ),
              ]
            : []),
          heading('二、项目团队'),
          table(
            ['姓名', '角色', '身份证号', '职称', '工作单位', '投入（人月/年）', '分工'],
            content.team.map((member) => [
              member.name,
              TEAM_ROLES.find((role) => role.code === member.role)?.zh ?? member.role,
              member.idNumber ?? '',
              member.title,
              member.organisation,
              String(member.workloadMonths),
              member.task,
            ]),
          ),
          heading('三、经费预算（万元）'),
          table(['预算科目', ...FUNDING_SOURCES.map((source) => source.zh), '小计'], budgetRows),
          heading('四、进度安排'),
          table(
            ['完成日期', '阶段目标'],
            content.milestones.map((milestone) => [milestone.dueOn, milestone.description]),
          ),
          heading('五、考核指标'),
          table(
            ['指标名称', '类别', '指标值', '单位'],
            content.targets.map((target) => [
              target.name,
              TARGET_KINDS[target.kind],
              target.value,
              target.unit,
            ]),
          ),
          heading('六、附件清单'),
          table(
            ['文件名', '大小（KB）'],
            detail.attachments.map((file) => [file.fileName, (file.size / 1024).toFixed(1)]),
          ),
          heading('七、申请回避专家'),
          table(
            ['姓名', '工作单位', '理由'],
            content.excludedExperts.map((expert) => [expert.name, expert.organisation, expert.reason]),
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
