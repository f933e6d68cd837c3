import { Group, Loader, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useWaitingSince } from '../../../components/useWaitingSince';

/**
 * A loading state inside the wizard: a status region with hidden text (axe: no aria-label on the spinner's span);
 * after 8 s it says since when it waits for the service.
 */
export function StepLoader() {
  const { t } = useTranslation();
  const since = useWaitingSince();
  return (
    <Group role="status" aria-live="polite" data-testid="step-loader">
      <Loader size="sm" aria-hidden />
      <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
      {since && (
        <Text size="sm" data-testid="waiting-since">
          {t('wizard.waitingSince', { time: since })}
        </Text>
      )}
    </Group>
  );
}
