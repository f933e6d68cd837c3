import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import enUS from '../locales/en-us.json';
import zhCN from '../locales/zh-cn.json';

/** The UI languages, spelled as the DRS `X-Language` header wants them. */
export const LANGUAGES = ['en-us', 'zh-cn'] as const;
export type Language = (typeof LANGUAGES)[number];

/** localStorage key of the chosen language (the only thing the console keeps there besides the colour scheme). */
export const LANGUAGE_STORAGE_KEY = 'drs-console.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** BCP 47 tag for Intl and <html lang>. */
export const INTL_LOCALE: Record<Language, string> = { 'en-us': 'en-US', 'zh-cn': 'zh-CN' };

function readStoredLanguage(): Language | undefined {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

function browserLanguage(): Language {
  const nav = globalThis.navigator?.language?.toLowerCase() ?? '';
  return nav.startsWith('zh') ? 'zh-cn' : 'en-us';
}

/** Creates an initialised i18next instance (synchronous: both bundles are small and shipped inline). */
export function createI18n(language: Language = readStoredLanguage() ?? browserLanguage()): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { 'en-us': { translation: enUS }, 'zh-cn': { translation: zhCN } },
    lng: language,
    fallbackLng: 'en-us',
    supportedLngs: [...LANGUAGES],
    lowerCaseLng: true,
    load: 'currentOnly',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  instance.on('languageChanged', (lng) => {
    if (typeof document !== 'undefined' && isLanguage(lng)) document.documentElement.lang = INTL_LOCALE[lng];
  });
  if (typeof document !== 'undefined') document.documentElement.lang = INTL_LOCALE[language];
  return instance;
}

/** The app's instance. The API client reads the current language from it for X-Language. */
export const i18n = createI18n();

export function currentLanguage(instance: I18n = i18n): Language {
  const lng = instance.resolvedLanguage ?? instance.language;
  return isLanguage(lng) ? lng : 'en-us';
}

/** Switches the language and remembers it (language only — never anything secret). */
export async function setLanguage(language: Language, instance: I18n = i18n): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // storage may be unavailable (private mode); the switch still applies to this page
  }
  await instance.changeLanguage(language);
}
