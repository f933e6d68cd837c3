// Vitest setup for component tests (jsdom): the browser APIs Mantine needs that jsdom lacks, and cleanup.
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { registerFeatureMessages } from '../lib/i18n';

// Component tests talk to a real emulator process; on a loaded 2-core CI machine a step can take more than the
// default 1 s, so every findBy*/waitFor waits up to 5 s (a test still fails when the element never comes).
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });
}

if (!('ResizeObserver' in window)) {
  class ResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.defineProperty(window, 'ResizeObserver', { writable: true, value: ResizeObserver });
  Object.defineProperty(globalThis, 'ResizeObserver', { writable: true, value: ResizeObserver });
}

if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {};

// Component tests render pages directly (not through the lazy route table): give every i18n instance every
// feature's strings up front.
const featureMessages = import.meta.glob<Record<string, unknown>>('../features/*/locales/*.json', {
  eager: true,
  import: 'default',
});
for (const [path, messages] of Object.entries(featureMessages)) {
  const [, feature, language] = /features\/([^/]+)\/locales\/([^/]+)\.json$/.exec(path) ?? [];
  if (feature && (language === 'en-us' || language === 'zh-cn'))
    registerFeatureMessages(feature, language, messages);
}
