import { BUDGET_CATEGORIES, type PlanProject, type TaskContractContent } from '@kechuang/domain';
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

const wan = (fen: number) => (fen / 1_000_000).toFixed(2);

function cell(text: string, bold = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
}

function table(header: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ children: header.map((text) => cell(text, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((text) => cell(text)) })),
    ],
  });
}

/** The 任务书 as a Word document, for the enterprise to print, sign, seal and upload. */
export async function renderContractWord(
  project: PlanProject,
  content: TaskContractContent,
): Promise<Buffer> {
  const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2 });
  const line = (label: string, value: string) =>
    new Paragraph({ children: [new TextRun({ text: `${label}：`, bold: true }), new TextRun(value)] });
  const budgetRows = content.budgetRows.map((row) => [
    BUDGET_CATEGORIES.find((category) => category.code === row.category)?.zh ?? row.category,
    wan(row.fiscalFen),
    wan(row.selfRaisedFen),
    wan(row.otherFen),
  ]);
  const totals = content.budgetRows.reduce(
    (sum, row) => [sum[0] + row.fiscalFen, sum[1] + row.selfRaisedFen, sum[2] + row.otherFen],
    [0, 0, 0],
  );
  const document = new Document({
    creator: '科创平台',
    title: `${project.projectNo} 任务书`,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            heading: HeadingLevel.TITLE,
            children: [new TextRun({ text: '科技计划项目任务书', bold: true })],
          }),
          line('项目编号', project.projectNo),
          line('项目名称', content.title),
          line('承担单位', content.enterpriseName),
          line('项目负责人', content.principalName ?? ''),
          line('计划类别', project.callTitle),
          line('执行期限', `${content.startOn} 至 ${content.endOn}`),
          line('批准资助金额', `${wan(content.approvedFen)} 万元（申请 ${wan(content.requestedFen)} 万元）`),
          heading('一、项目主要内容'),
          new Paragraph(content.summary || '（见申报书）'),
          heading('二、考核指标'),
          table(
            ['指标', '类别', '目标值'],
            content.targets.map((target) => [
              target.name,
              target.kind === 'technical' ? '技术指标' : target.kind === 'economic' ? '经济指标' : '其他',
              `${target.value}${target.unit}`,
            ]),
          ),
          heading('三、进度安排'),
          table(
            ['时间', '内容'],
            content.milestones.map((milestone) => [milestone.dueOn, milestone.description]),
          ),
          heading('四、经费预算（万元）'),
          table(
            ['科目', '财政资金', '自筹资金', '其他资金'],
            [...budgetRows, ['合计', wan(totals[0]), wan(totals[1]), wan(totals[2])]],
          ),
          heading('五、签订'),
          new Paragraph('项目承担单位（盖章）：                    法定代表人（签字）：'),
          new Paragraph('项目负责人（签字）：                        日期：'),
          new Paragraph('区科学技术局（盖章）：                      日期：'),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
