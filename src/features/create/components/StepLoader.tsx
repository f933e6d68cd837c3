import { Group, Loader, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A loading state inside the wizard: a status region with hidden text (axe: no aria-label on the spinner's span). */
export function StepLoader() {
  const { t } = useTranslation();
  return (
    <Group role="status" aria-live="polite" data-testid="step-loader">
      <Loader size="sm" aria-hidden />
      <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
    </Group>
  );
}
