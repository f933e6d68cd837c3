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

type Messages = Record<string, unknown>;

/**
 * Each feature keeps its strings beside it: `src/features/<feature>/locales/{en-us,zh-cn}.json`, merged here into
 * the one `translation` namespace. A feature file's top-level keys are its own (a test forbids clashes), so
 * features can add strings without touching each other's files.
 */
const featureMessages = import.meta.glob<Messages>('../features/*/locales/*.json', {
  eager: true,
  import: 'default',
});

function deepMerge(target: Messages, source: Messages): Messages {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    target[key] =
      current && typeof current === 'object' && value && typeof value === 'object'
        ? deepMerge({ ...(current as Messages) }, value as Messages)
        : value;
  }
  return target;
}

/** The whole message tree of one language: the shared file plus every feature's file. */
export function messagesFor(language: Language): Messages {
  const merged = deepMerge({}, language === 'en-us' ? enUS : zhCN);
  for (const [path, messages] of Object.entries(featureMessages))
    if (path.endsWith(`/${language}.json`)) deepMerge(merged, messages);
  return merged;
}

/** Feature locale files by path, for the locale tests. */
export const FEATURE_MESSAGE_FILES: Readonly<Record<string, Messages>> = featureMessages;

/** Creates an initialised i18next instance (synchronous: both bundles are small and shipped inline). */
export function createI18n(language: Language = readStoredLanguage() ?? browserLanguage()): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: {
      'en-us': { translation: messagesFor('en-us') },
      'zh-cn': { translation: messagesFor('zh-cn') },
    },
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
