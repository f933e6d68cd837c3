import type { Locator, Page } from '@playwright/test';

/** The app shell: header (title, mode badge, colour scheme, language) and the main navigation. */
export class ShellPage {
  readonly nav: Locator;
  readonly modeBadge: Locator;
  readonly languageSwitch: Locator;
  readonly skipLink: Locator;
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByTestId('main-nav');
    this.modeBadge = page.getByTestId('mode-badge');
    this.languageSwitch = page.getByTestId('language-switch');
    this.skipLink = page.locator('a[href="#main-content"]');
    this.main = page.locator('#main-content');
  }

  /** The level-2 heading of the current page. */
  heading(name?: string): Locator {
    return this.page.getByRole('heading', { level: 2, ...(name ? { name } : {}) });
  }

  navLink(name: string): Locator {
    return this.nav.getByRole('link', { name });
  }

  async setLanguage(language: 'en-us' | 'zh-cn'): Promise<void> {
    await this.languageSwitch.selectOption(language);
  }
}
