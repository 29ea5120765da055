import type { Language } from '@kechuang/domain';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { WEB_MODULES } from '../modules';
import { en } from './locales/en';
import { zhCN } from './locales/zh-cn';
import type { Strings, WebModule } from './module';

const LANGUAGE_STORAGE_KEY = 'kechuang.language';

/** One catalogue per language: the shell's strings and every module's, each under its own namespaces. */
export function buildCatalogue(modules: readonly WebModule[]): { zhCN: Strings; en: Strings } {
  return {
    zhCN: Object.assign({}, zhCN, ...modules.map((module) => module.strings.zhCN)),
    en: Object.assign({}, en, ...modules.map((module) => module.strings.en)),
  };
}

export function readStoredLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'zh-CN';
}

export async function changeLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

export function initI18n(): void {
  const language = readStoredLanguage();
  const catalogue = buildCatalogue(WEB_MODULES);
  document.documentElement.lang = language;
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: catalogue.zhCN }, en: { translation: catalogue.en } },
    lng: language,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
}
