import { Loader, VisuallyHidden } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { loadFeatureMessages } from '../../../../lib/i18n';
import type { ObjectSelection } from '../../../create/model/objects';

/**
 * The wizard's tree editor (create feature), loaded with its strings when the dialog first needs it. "Whole
 * instance" means a quick comparison of the whole task; chosen databases and tables become `compare_object`.
 */
const ObjectsEditor = lazy(async () => {
  const [module] = await Promise.all([
    import('../../../create/components/ObjectsEditor'),
    loadFeatureMessages('create'),
  ]);
  return { default: module.ObjectsEditor };
});

export function ObjectsPicker({
  value,
  onChange,
}: {
  value: ObjectSelection;
  onChange: (next: ObjectSelection) => void;
}) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <span>
          <Loader size="sm" />
          <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
        </span>
      }
    >
      <ObjectsEditor value={value} onChange={onChange} allowAlias={false} />
    </Suspense>
  );
}
