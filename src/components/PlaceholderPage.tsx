import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../lib/useDocumentTitle';

/** A page that later work fills in: says what will be there. */
export function PlaceholderPage({ section }: { section: 'create' | 'comparisons' | 'dr' }) {
  const { t } = useTranslation();
  const title = t(`placeholder.${section}.title`);
  useDocumentTitle(title);
  return (
    <Stack gap="md" maw={760} data-testid={`page-${section}`}>
      <Group gap="sm">
        <Title order={2}>{title}</Title>
        <Badge variant="light" color="indigo">
          {t('placeholder.comingSoon')}
        </Badge>
      </Group>
      <Paper withBorder p="md">
        <Text>{t(`placeholder.${section}.body`)}</Text>
      </Paper>
    </Stack>
  );
}
