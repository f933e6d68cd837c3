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
 * Each feature keeps its strings beside it: `src/features/<feature>/locales/{en-us,zh-cn}.json`, merged into the
 * one `translation` namespace. A feature file's top-level keys are its own (a test forbids clashes). Feature strings
 * are separate chunks, loaded with the feature's pages (`loadFeatureMessages`, called by the route table), so the
 * first page carries only the shared strings.
 */
const featureLoaders = import.meta.glob<Messages>('../features/*/locales/*.json', { import: 'default' });

/** Feature messages loaded so far, per language; every i18n instance gets them. */
const loadedFeatureMessages = new Map<string, { language: Language; messages: Messages }>();
const instances = new Set<I18n>();

/** Adds one feature's messages of one language to every i18n instance, present and future. */
export function registerFeatureMessages(feature: string, language: Language, messages: Messages): void {
  loadedFeatureMessages.set(`${feature}/${language}`, { language, messages });
  for (const instance of instances) instance.addResourceBundle(language, 'translation', messages, true, true);
}

/** Loads the strings of these features in both languages (so a language switch needs no wait). */
export async function loadFeatureMessages(...features: string[]): Promise<void> {
  await Promise.all(
    features.flatMap((feature) =>
      LANGUAGES.map(async (language) => {
        if (loadedFeatureMessages.has(`${feature}/${language}`)) return;
        const load = featureLoaders[`../features/${feature}/locales/${language}.json`];
        if (load) registerFeatureMessages(feature, language, await load());
      }),
    ),
  );
}

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

/** The message tree of one language: the shared file plus every feature loaded so far. */
export function messagesFor(language: Language): Messages {
  const merged = deepMerge({}, language === 'en-us' ? enUS : zhCN);
  for (const loaded of loadedFeatureMessages.values())
    if (loaded.language === language) deepMerge(merged, loaded.messages);
  return merged;
}

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
  instances.add(instance);
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
