import { formatFenAsWanYuan, type TechContract } from '@kechuang/domain';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

/**
 * The 技术合同登记证明: the registration number, the parties, and both 合同成交额 and 技术交易额
 * (the 2024 draft asks the certificate to state both), with the 免税 finding.
 */
export async function renderRegistrationCertificate(
  contract: TechContract,
  registryName: string,
): Promise<Buffer> {
  const line = (label: string, value: string) =>
    new Paragraph({
      spacing: { after: 120 },
      children: [new TextRun({ text: `${label}：`, bold: true }), new TextRun(value)],
    });
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            text: '技术合同登记证明',
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
          }),
          line('合同登记编号', contract.registrationNo ?? ''),
          line('项目名称', contract.title),
          line('合同类别', contract.categoryLabel),
          line('卖方', `${contract.sellerName}（${contract.sellerCreditCode}）`),
          line(
            '买方',
            contract.buyerCreditCode
              ? `${contract.buyerName}（${contract.buyerCreditCode}）`
              : contract.buyerName,
          ),
          line('签订日期', contract.signedOn),
          line('合同有效期', `${contract.termStartOn} 至 ${contract.termEndOn}`),
          line('合同成交额', formatFenAsWanYuan(contract.contractFen)),
          line('技术交易额', formatFenAsWanYuan(contract.techFen)),
          line('免税认定', contract.exemptionReason ?? ''),
          line('登记日期', contract.registeredOn ?? ''),
          new Paragraph({
            spacing: { before: 480 },
            alignment: AlignmentType.RIGHT,
            text: `${registryName}（技术合同登记专用章）`,
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
