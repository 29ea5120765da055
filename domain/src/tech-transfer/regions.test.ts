import { describe, expect, it } from 'vitest';
import { techBuyerRegionOf } from './regions';

describe('techBuyerRegionOf (任城区 370811)', () => {
  it.each([
    ['370811', 'district'],
    ['370812', 'province'],
    ['3708', 'province'],
    ['3700', 'province'],
    ['370100', 'province'],
    ['1100', 'domestic'],
    ['440300', 'domestic'],
    ['6500', 'domestic'],
    ['7100', 'abroad'],
    ['8000', 'abroad'],
    ['810000', 'abroad'],
    ['', 'unknown'],
    ['37081', 'unknown'],
  ] as const)('%s is %s', (code, region) => {
    expect(techBuyerRegionOf(code, '370811')).toBe(region);
  });
});
