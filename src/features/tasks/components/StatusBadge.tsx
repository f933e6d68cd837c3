import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { GROUP_COLOR, isJobStatus, STATUS_GROUP, statusKey } from '../model/status';

/** A task status in the current language, coloured by its group (running, needs attention, …). */
export function StatusBadge({ status }: { status: string | undefined }) {
  const { t } = useTranslation();
  if (!isJobStatus(status)) {
    return (
      <Badge color="gray" variant="outline" tt="none" data-status={status ?? ''}>
        {t('status.unknown', { status: status ?? '' })}
      </Badge>
    );
  }
  const group = STATUS_GROUP[status];
  return (
    <Badge
      color={GROUP_COLOR[group]}
      variant="light"
      tt="none"
      data-status={status}
      data-group={group}
      title={status}
    >
      {t(statusKey(status))}
    </Badge>
  );
}
