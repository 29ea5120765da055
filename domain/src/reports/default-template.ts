import type { AnnualReportContent } from './schemas';

/**
 * The year's work report as the bureau writes it (the structure of 任城区's 2020 report): a title,
 * the opening, then the six lines of work, each with its 一是/二是 parts. Every figure the platform
 * holds is a placeholder; figures of lines of work not yet run on the platform (the platform types of a year's
 * new recognitions, universities, talent, field services) stay as text for staff to edit until their modules supply them.
 */
export function defaultAnnualReport(): AnnualReportContent {
  return {
    title: '{{year}}年度{{district}}科技创新工作报告',
    opening:
      '近年来，{{district}}高度重视科技创新工作，坚定实施创新驱动发展战略，持续加大科技投入，全力深化科技体制改革，围绕区域创新能力提升，面向企业发展和产业升级，强化科技型企业培育、创新平台升级和科技人才引育，拓宽产学研合作渠道，加快科技成果转移转化，以科技创新引领高质量发展。',
    sections: [
      {
        heading: '一、提升高企挖掘培育方式。',
        body: '以科技型企业培育为抓手，促进高新技术产业发展。一是深入开展科技型企业梯次培育行动。扎实推进科技型中小企业评价，为科技型企业提供各类便利化服务，对条件成熟的企业及时纳入国家高新技术企业重点培育库，{{year}}年，全区{{cultivation.tech-sme-registered}}家中小企业进入省科技型中小企业库。今年以来，全区已有{{cultivation.tech-sme-registered@ytd}}家中小企业入库。二是实施高新技术企业培育工程。围绕国家高新技术企业申报，组织专门力量开展摸底调查，根据企业情况分类制定培育措施，实行高新技术企业申报跟踪服务制度，为企业提供全流程、“一对一”服务；同时加强与财税部门沟通协调，形成培育和支持高新技术企业发展的工作合力。{{year}}年共通过认定国家高新技术企业{{cultivation.hte-recognised}}家，新增国家高新技术企业{{cultivation.hte-new}}家，截至{{year}}年，全区国家高企达到{{cultivation.hte-valid}}家。三是积极推动高新技术产业发展。加大对新一代信息技术、精细化工、食品医药、高端制造等战略新兴产业培育力度，提升产业层次，增强产业集聚效应。今年以来，全区推荐申报国家高新技术企业{{cultivation.hte-applicants@ytd}}家，{{nextYear}}年1-6月份全区高新技术产业产值占规模以上工业总产值比重提升至{{stats.high-tech-share@next-H1}}%，同比增速{{stats.high-tech-growth@next-H1}}%。',
      },
      {
        heading: '二、优化科技攻关体制机制。',
        body: '主动适应国家和省市科技体制改革新政策、新措施，围绕科技计划管理的科学化、高效化，进一步优化科技管理流程，实现项目申报、评审、立项、监督、结题等环节全流程、全过程网上办理，全面提升了服务质量和效率。持续推进关键核心技术攻关，鼓励企业加大研发投入，{{year}}年我区研发投入强度为{{stats.rd-intensity}}%。聚焦“十强”产业，合理设置科技计划类别和资助方式，集中使用财政科技资金，组织培育{{plan-calls.key-rd-granted}}个项目成功获批省市重点研发计划。充分发挥科技发展计划项目和科技奖励资金引导激励作用，成功获批{{plan-calls.province-major-granted}}项省重大创新工程计划，市重点研发计划{{plan-calls.city-key-rd-granted}}项、市创新领军人才计划{{plan-calls.city-talent-granted}}项；争取省市级重点研发计划、研发补助、小升高等政策性奖补到位资金{{projects.funds-in-place}}万元，{{projects.risk-loan-enterprises}}家企业获得省科技成果转化贷款风险补偿资金{{projects.risk-loans}}亿元，进一步提升了企业的创新活力。',
      },
      {
        heading: '三、畅通科技成果转化机制。',
        body: '以创建省技术转移先进区为抓手，推动技术转移体系建设。结合全区产业特色和优势，持续挖掘企业创新需求，组织院所专家开展产学研精准对接活动，建立技术合同登记服务指导组，深入企业、事业单位开展政策宣传、调研，掌握企业技术合同交易情况，挖掘技术合同交易额潜力，{{year}}年全区技术合同成交额为{{tech-transfer.turnover}}亿元，免税技术交易额{{tech-transfer.exempt-amount}}万元。今年以来，已完成技术合同成交额{{tech-transfer.turnover@ytd}}亿元，完成免税技术交易额{{tech-transfer.exempt-amount@ytd}}万元。',
      },
      {
        heading: '四、加快科创载体建设步伐。',
        body: '切实将培育、发展和提升创新平台建设作为科技创新支撑引领的重要抓手，实施规模以上企业研发机构全覆盖工程、行业公共创新服务平台升级工程，引导企业加强研发机构建设和现有平台提档升级，积极搭建各级各类创新平台。{{year}}年新认定（备案）市级以上科创平台{{platforms.recognised}}家，其中通过备案国家级众创空间1家、省级众创空间1家，首批省级新型研发机构1家，获批市创新创业共同体3家、市重点实验室1家、市技术创新中心3家、市级“人才飞地”1家；{{platforms.upgraded}}家平台提档升级。截至{{year}}年，市级以上科创平台{{platforms.city-and-above}}家，其中国家级{{platforms.national}}家、省级{{platforms.provincial}}家、市级{{platforms.city}}家。今年以来，新备案{{platforms.recognised@ytd}}家市级以上科创平台，其中省级院士工作站2家、科技成果转化中试基地2家，对接高校{{platforms.universities@ytd}}家，落地高校分支机构{{platforms.university-branches@ytd}}家。',
      },
      {
        heading: '五、创新招才引智新方式。',
        body: '以国家和省级重大人才工程、创新平台为依托，探索实施区级领军人才项目，通过“平台+项目+人才”形式，把人才专长与企业需求、平台建设紧密结合起来。通过摸排遴选、建立台账、全程帮扶等方式，截至{{year}}年底人才台账在册{{talent.ledger-total}}人，{{year}}年{{talent.programme-winners}}人次入选各级人才计划，其中成功入选省“外专双百计划”{{talent.foreign-expert-double-hundred}}人；依托海外人才联络站、引进外国智力联盟、市产业技术研究院及各类人才猎头组织，拓宽高层次人才引进渠道，成功引进外国高端人才和专业人才{{talent.foreign-introduced}}人。',
      },
      {
        heading: '六、全面提高科技服务水平。',
        body: '一是加大科技政策宣讲力度。积极构建“更普及、更精准、更规范”的创新政策宣传新模式，收集整理国家和省市区科技创新扶持政策，编印《科技创新政策指引》，采取举办培训班、发放资料、网上答疑等形式广泛进行宣讲，先后举办专题培训班{{services.trainings-total@ytd}}期、发放《政策指引》{{policies.guide-copies}}册、举办各类答疑活动{{services.qa-sessions-total@ytd}}次。二是实行精准对接服务。开展“找问题、补短板、强服务、抓提升”大调研、大排查、大整改活动，深入{{services.visited@ytd}}家科技企业、创新平台和研发机构，征求意见建议，查找问题短板{{services.problems-found@ytd}}个，实行台账管理，逐项整改销号，销号率{{services.closing-rate@ytd}}%，精准助力企业创新发展。',
      },
    ],
  };
}
