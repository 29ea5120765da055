import type { Transaction } from '../../db/connection';
import { indicatorStatistics, indicatorTargets } from '../../db/schema';

/**
 * The figures the statistics bureau publishes for 任城区 (entered with their source, as staff do),
 * chosen so 2020's 研发投入强度 is the seed's 1.19 %; and the bureau's targets for 2021.
 */
export async function seedDashboardDemo(tx: Transaction): Promise<void> {
  await tx.insert(indicatorStatistics).values([
    {
      key: 'stats.gdp',
      period: '2019',
      value: '655.2000',
      source: '任城区统计局（演示数据）',
      sourceDate: '2020-03-20',
    },
    {
      key: 'stats.gdp',
      period: '2020',
      value: '672.8000',
      source: '任城区统计局（演示数据）',
      sourceDate: '2021-03-19',
    },
    {
      key: 'stats.rd-expenditure',
      period: '2019',
      value: '7.3400',
      source: '任城区统计局（演示数据）',
      sourceDate: '2020-11-10',
    },
    {
      key: 'stats.rd-expenditure',
      period: '2020',
      value: '8.0100',
      source: '任城区统计局（演示数据）',
      sourceDate: '2021-11-12',
    },
  ]);
  await tx.insert(indicatorTargets).values([
    { key: 'cultivation.tech-sme-registered', year: 2021, value: '100.0000' },
    { key: 'cultivation.hte-valid', year: 2021, value: '80.0000' },
    { key: 'tech-transfer.turnover', year: 2021, value: '15.0000' },
    { key: 'stats.high-tech-share', year: 2021, value: '32.0000' },
  ]);
}
