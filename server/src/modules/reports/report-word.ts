import type { AnnualReportPreview } from '@kechuang/domain';
import {
  AlignmentType,
  Document,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

const BODY_FONT = '仿宋_GB2312';
const TITLE_FONT = '方正小标宋简体';
/** 三号 (16 pt) for the text and 二号 (22 pt) for the title, as official documents set them; sizes in half-points. */
const BODY_SIZE = 32;
const TITLE_SIZE = 44;

function bodyParagraph(children: TextRun[]): Paragraph {
  return new Paragraph({
    children,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: 'exact' },
  });
}

function cell(text: string, bold = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 21 })] })] });
}

/**
 * The year's work report as a Word document in the official layout: the title, the opening, each
 * line of work as a paragraph led by its bold heading; then, on its own page, every figure with
 * the period, value and the records or source it came from.
 */
export async function renderAnnualReport(
  preview: AnnualReportPreview,
  edition: number | null,
): Promise<Buffer> {
  const run = (text: string, bold = false) => new TextRun({ text, bold, font: BODY_FONT, size: BODY_SIZE });
  const document = new Document({
    title: preview.title,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 400 },
            children: [new TextRun({ text: preview.title, font: TITLE_FONT, size: TITLE_SIZE })],
          }),
          ...(preview.opening ? [bodyParagraph([run(preview.opening)])] : []),
          ...preview.sections.map((section) =>
            bodyParagraph([run(section.heading, true), run(section.body)]),
          ),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { before: 400 },
            children: [run(edition === null ? '（预览稿，未定稿）' : `（第${edition}版定稿）`)],
          }),
          new Paragraph({ children: [new PageBreak()] }),
          new Paragraph({
            spacing: { after: 200 },
            children: [
              new TextRun({ text: '附：报告数据来源', bold: true, font: BODY_FONT, size: BODY_SIZE }),
            ],
          }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({
                tableHeader: true,
                children: ['指标', '期间', '数值', '单位', '依据'].map((text) => cell(text, true)),
              }),
              ...preview.figures.map(
                (figure) =>
                  new TableRow({
                    children: [
                      cell(`${figure.name.zh}（${figure.key}）`),
                      cell(figure.period),
                      cell(figure.display),
                      cell(figure.unit),
                      cell(figure.basis),
                    ],
                  }),
              ),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
