import { describe, expect, it } from 'vitest';
import { defaultAnnualReport } from './default-template';
import { fillPlaceholders, readPlaceholders, resolvePlaceholderPeriod } from './placeholders';

const known = new Set(['cultivation.hte-valid', 'stats.high-tech-share']);
const isIndicator = (key: string) => known.has(key);

describe('report placeholders', () => {
  it('reads the period each names relative to the report’s year', () => {
    expect(resolvePlaceholderPeriod(undefined, 2020)).toBe('2020');
    expect(resolvePlaceholderPeriod('ytd', 2020)).toBe('2021-YTD');
    expect(resolvePlaceholderPeriod('next-H1', 2020)).toBe('2021-H1');
    expect(resolvePlaceholderPeriod('prev', 2020)).toBe('2019');
    expect(resolvePlaceholderPeriod('2019-Q3', 2020)).toBe('2019-Q3');
    expect(resolvePlaceholderPeriod('someday', 2020)).toBeNull();
  });

  it('names a misspelt indicator, an unknown period and unpaired braces', () => {
    const { placeholders, problems } = readPlaceholders(
      '{{year}}年高企{{cultivation.hte-valid}}家，占比{{stats.high-tech-shares}}%，{{cultivation.hte-valid@someday}}，{{year',
      2020,
      isIndicator,
    );
    expect(placeholders.map((item) => [item.key, item.period])).toEqual([
      ['year', null],
      ['cultivation.hte-valid', '2020'],
    ]);
    expect(problems.map((problem) => problem.raw)).toEqual([
      '{{stats.high-tech-shares}}',
      '{{cultivation.hte-valid@someday}}',
      '{{',
    ]);
    expect(problems[0].reason.zh).toBe('没有名为 stats.high-tech-shares 的指标');
  });

  it('fills each placeholder with its value', () => {
    const text = fillPlaceholders(
      '{{year}}年全区国家高企达到{{cultivation.hte-valid}}家，{{nextYear}}年上半年占比{{stats.high-tech-share@next-H1}}%',
      (placeholder) =>
        placeholder.key === 'year'
          ? '2020'
          : placeholder.key === 'nextYear'
            ? '2021'
            : `${placeholder.key}@${placeholder.period}`,
      2020,
    );
    expect(text).toBe(
      '2020年全区国家高企达到cultivation.hte-valid@2020家，2021年上半年占比stats.high-tech-share@2021-H1%',
    );
  });

  it('keeps the default report free of broken placeholders', () => {
    const report = defaultAnnualReport();
    const texts = [
      report.title,
      report.opening,
      ...report.sections.flatMap((section) => [section.heading, section.body]),
    ];
    for (const text of texts) {
      const { problems } = readPlaceholders(text, 2020, (key) => /^[a-z-]+\.[a-z0-9-]+$/.test(key));
      expect(problems).toEqual([]);
    }
    expect(report.sections.map((section) => section.heading.slice(0, 2))).toEqual([
      '一、',
      '二、',
      '三、',
      '四、',
      '五、',
      '六、',
    ]);
  });
});
