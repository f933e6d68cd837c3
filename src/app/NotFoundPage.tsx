import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  useDocumentTitle(t('notFound.title'));
  return (
    <Stack gap="sm" data-testid="not-found">
      <Title order={2}>{t('notFound.title')}</Title>
      <Text>{t('notFound.body', { path: pathname })}</Text>
      <Anchor component={Link} to="/tasks">
        {t('notFound.back')}
      </Anchor>
    </Stack>
  );
}
