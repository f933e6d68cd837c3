import {
  Anchor,
  AppShell,
  Badge,
  Burger,
  Group,
  NavLink,
  NativeSelect,
  SegmentedControl,
  Title,
  VisuallyHidden,
  useMantineColorScheme,
  type MantineColorScheme,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { useConsoleConfig } from '../lib/api/console-config';
import { currentLanguage, isLanguage, LANGUAGES, setLanguage } from '../lib/i18n';
import { PageLoader } from './PageLoader';
import { RouteErrorBoundary } from './RouteErrorBoundary';
import classes from './Shell.module.css';

export const NAV_ITEMS = [
  { to: '/tasks', key: 'nav.tasks' },
  { to: '/create', key: 'nav.create' },
  { to: '/comparisons', key: 'nav.comparisons' },
  { to: '/dr', key: 'nav.dr' },
] as const;

function ModeBadge() {
  const { t } = useTranslation();
  const { data, isError } = useConsoleConfig();
  if (!data) {
    return (
      <Badge color={isError ? 'red' : 'gray'} variant="outline" data-testid="mode-badge">
        {t('mode.unknown')}
      </Badge>
    );
  }
  if (data.mode === 'emulator') {
    return (
      <Badge
        color="violet"
        variant="light"
        data-testid="mode-badge"
        data-mode="emulator"
        title={t('mode.emulatorHint')}
      >
        {t('mode.emulator')}
      </Badge>
    );
  }
  return (
    <Badge
      color="teal"
      variant="light"
      data-testid="mode-badge"
      data-mode="cloud"
      title={t('mode.cloudHint', { host: data.endpointHost ?? '' })}
    >
      {t('mode.cloud', { projectId: data.projectId ?? '' })}
    </Badge>
  );
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('language.label')}
      data-testid="language-switch"
      w={120}
      size="xs"
      value={currentLanguage(i18n)}
      data={LANGUAGES.map((lng) => ({ value: lng, label: t(`language.${lng}`) }))}
      onChange={(event) => {
        const value = event.currentTarget.value;
        if (isLanguage(value)) void setLanguage(value, i18n);
      }}
    />
  );
}

function ColorSchemeToggle() {
  const { t } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('theme.label')}
      value={colorScheme}
      onChange={(value) => setColorScheme(value as MantineColorScheme)}
      data={(['light', 'dark', 'auto'] as const).map((value) => ({ value, label: t(`theme.${value}`) }))}
    />
  );
}

export function Shell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  return (
    <>
      <a href="#main-content" className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('app.toggleNavigation')}
              />
              <Anchor component={RouterNavLink} to="/tasks" underline="never" c="inherit">
                <Title order={1} size="h4">
                  {t('app.title')}
                </Title>
              </Anchor>
              <ModeBadge />
            </Group>
            <Group gap="sm" wrap="nowrap">
              <ColorSchemeToggle />
              <LanguageSwitch />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" component="nav" aria-label={t('app.mainNavigation')} data-testid="main-nav">
          <VisuallyHidden component="h2">{t('app.mainNavigation')}</VisuallyHidden>
          {NAV_ITEMS.map((item) => (
            <NavLink
              key={item.to}
              component={RouterNavLink}
              to={item.to}
              label={t(item.key)}
              active={location.pathname === item.to || location.pathname.startsWith(`${item.to}/`)}
              onClick={close}
            />
          ))}
        </AppShell.Navbar>
        <AppShell.Main id="main-content" tabIndex={-1} className={classes.main}>
          <RouteErrorBoundary resetKey={location.pathname}>
            <Suspense fallback={<PageLoader />}>
              <Outlet />
            </Suspense>
          </RouteErrorBoundary>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
