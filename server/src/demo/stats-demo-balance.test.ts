import { computeHighTechIndustryStatistics } from '@kechuang/domain';
import { describe, expect, it } from 'vitest';
import { createRandom } from './random';
import { generateDemoMonthlyOutput } from './stats-demo';

const WAN = 1_000_000; // 万元 in 分

/** Yearly figures of `count` manufacturers for 2020 and 2021, as the cultivation demo draws them. */
function manufacturers(count: number) {
  const random = createRandom(count);
  return Array.from({ length: count }, (_, index) => {
    const revenueWan = random.integer(300, 60_000);
    return [2020, 2021].map((year) => {
      const outputWan = Math.round((revenueWan * random.integer(90, 125)) / 100);
      return {
        enterpriseId: index + 1,
        year,
        industrialOutputFen: outputWan * WAN,
        isAboveDesignatedSize: outputWan >= 2000,
      };
    });
  }).flat();
}

describe('the demo’s monthly output at any size of district', () => {
  for (const count of [320, 2_000]) {
    it(`gives exactly 30.6 % and +42.5 % for 2021年1-6月份 with ${count} manufacturers`, () => {
      const records = generateDemoMonthlyOutput(manufacturers(count));
      const statistics = computeHighTechIndustryStatistics({
        range: { from: '2021-01', to: '2021-06' },
        records,
      });
      expect(statistics.highTechOutputFen * 1000).toBe(statistics.aboveScaleOutputFen * 306);
      expect(statistics.highTechOutputFen * 40).toBe(statistics.previousHighTechOutputFen * 57);
      const implausible = records.filter(
        (record) => record.highTechOutputFen < 0 || record.highTechOutputFen > record.industrialOutputFen,
      );
      expect(implausible).toEqual([]);
    });
  }
});
