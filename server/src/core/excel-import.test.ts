import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildWorkbook } from '../test/import-helpers';
import { AppError } from './errors';
import {
  assertSafeXlsx,
  DEFAULT_IMPORT_LIMITS,
  IMPORT_MAX_ROWS,
  type ImportDefinition,
  importLimitsOf,
  readImportRows,
} from './excel-import';

/** A one-column import whose row limit is set per definition. */
function definitionWithRows(maxRows?: number): ImportDefinition<{ name: string }> {
  return {
    kind: 'limit-test',
    title: '行数测试',
    columns: [{ key: 'name', header: '名称', headerEn: 'Name', isRequired: true }],
    rowSchema: z.object({ name: z.string() }),
    ...(maxRows === undefined ? {} : { limits: { maxRows } }),
    apply: async () => ({ created: 0, updated: 0 }),
  };
}

const rowsOf = (count: number) => Array.from({ length: count }, (_, index) => [`第${index + 1}行`]);
const noProgress = async () => undefined;

describe('import limits per kind', () => {
  it('reads up to a kind’s own row limit and refuses one row more with 413', async () => {
    const definition = definitionWithRows(3);
    const three = await readImportRows(
      definition,
      await buildWorkbook(['名称'], rowsOf(3)),
      'zh-CN',
      noProgress,
    );
    expect(three.rows).toHaveLength(3);
    const four = readImportRows(definition, await buildWorkbook(['名称'], rowsOf(4)), 'zh-CN', noProgress);
    await expect(four).rejects.toMatchObject({ statusCode: 413, errorCode: 'importTooLarge' });
  });

  it('keeps the platform defaults for kinds that set none', () => {
    expect(importLimitsOf(definitionWithRows())).toEqual(DEFAULT_IMPORT_LIMITS);
    expect(DEFAULT_IMPORT_LIMITS.maxRows).toBe(IMPORT_MAX_ROWS);
  });

  it('checks the unzipped size against the limit it is given', async () => {
    const workbook = await buildWorkbook(['名称'], rowsOf(50));
    await expect(assertSafeXlsx(workbook)).resolves.toBeUndefined();
    await expect(assertSafeXlsx(workbook, 1_000)).rejects.toBeInstanceOf(AppError);
    await expect(assertSafeXlsx(workbook, 1_000)).rejects.toMatchObject({ statusCode: 413 });
  });
});
