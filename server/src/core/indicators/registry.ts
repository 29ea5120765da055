import { ModuleManifestError } from '../module-error';
import type { Indicator, RegisteredIndicator } from './types';

const KEY_PATTERN = /^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$/;
const MONEY_UNITS = new Set(['万元', '亿元']);

/** Whether a figure is money (its exact value in 分) or a quantity. */
export function isMoney(indicator: Indicator): boolean {
  return MONEY_UNITS.has(indicator.unit);
}

export type IndicatorRegistry = ReadonlyMap<string, RegisteredIndicator>;

/**
 * Every module's indicators by key, checked: keys well formed, unique and prefixed by the module's
 * name; ratios and growth made of indicators that exist; a ratio's parts both money or both not.
 */
export function buildIndicatorRegistry(
  modules: readonly { name: string; indicators: readonly Indicator[] }[],
): IndicatorRegistry {
  const registry = new Map<string, RegisteredIndicator>();
  const fail = (module: string, key: string, zh: string, en: string) => {
    throw new ModuleManifestError(
      `模块 ${module} 的指标 ${key}${zh}`,
      `module "${module}": indicator "${key}" ${en}`,
    );
  };
  for (const module of modules) {
    for (const indicator of module.indicators) {
      if (!KEY_PATTERN.test(indicator.key) || !indicator.key.startsWith(`${module.name}.`)) {
        fail(module.name, indicator.key, ' 的键应为「模块名.指标名」', 'must be keyed "<module>.<name>"');
      }
      const owner = registry.get(indicator.key);
      if (owner)
        fail(
          module.name,
          indicator.key,
          ` 与模块 ${owner.module} 重复`,
          `is already declared by ${owner.module}`,
        );
      registry.set(indicator.key, { ...indicator, module: module.name });
    }
  }
  for (const indicator of registry.values()) {
    const parts =
      indicator.kind === 'ratio'
        ? [indicator.numerator, indicator.denominator]
        : indicator.kind === 'growth'
          ? [indicator.of]
          : [];
    for (const part of parts) {
      const found = registry.get(part);
      if (!found || found.key === indicator.key) {
        fail(
          indicator.module,
          indicator.key,
          ` 引用的指标 ${part} 不存在`,
          `refers to unknown indicator "${part}"`,
        );
      }
    }
    if (indicator.kind === 'ratio') {
      const numerator = registry.get(indicator.numerator) as RegisteredIndicator;
      const denominator = registry.get(indicator.denominator) as RegisteredIndicator;
      if (isMoney(numerator) !== isMoney(denominator)) {
        fail(indicator.module, indicator.key, ' 的分子与分母单位不可比', 'divides money by a quantity');
      }
    }
  }
  return registry;
}

/** The parts a ratio or growth is made of. */
export function partsOf(indicator: Indicator): string[] {
  if (indicator.kind === 'ratio') return [indicator.numerator, indicator.denominator];
  if (indicator.kind === 'growth') return [indicator.of];
  return [];
}
