import '@mantine/core/styles/NumberInput.css';
import '@mantine/core/styles/Fieldset.css';
import {
  ActionIcon,
  Box,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  hourOwners,
  MAX_RANGES,
  MAX_SPEED,
  MIN_SPEED,
  validateSchedule,
  type SpeedRange,
} from '../../model/speedLimit';

/**
 * The 4.1.8 speed-limit schedule editor (controlled): up to 10 whole-hour UTC ranges with a speed each, validated
 * as the service does (see model/speedLimit.ts), with a 24-hour strip. `[]` means no limit.
 *
 *   const [ranges, setRanges] = useState<SpeedRange[]>(fromApiRanges(detail.speed_limit));
 *   <SpeedLimitEditor value={ranges} onChange={setRanges} showErrors={submitted} />
 *   // send: { speed_limits: [{ job_id, speed_limit: toApiRanges(ranges) }] } when validateSchedule(ranges).ok
 */
export interface SpeedLimitEditorProps {
  value: SpeedRange[];
  onChange: (value: SpeedRange[]) => void;
  /** Show the range errors (e.g. after the first submit attempt); overlaps are always shown. */
  showErrors?: boolean;
  disabled?: boolean;
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const pad = (n: number) => String(n).padStart(2, '0');
const COLORS = ['blue', 'teal', 'grape', 'orange', 'cyan', 'pink', 'lime', 'indigo', 'yellow', 'red'];

export function SpeedLimitEditor({ value, onChange, showErrors = false, disabled }: SpeedLimitEditorProps) {
  const { t } = useTranslation();
  const validation = validateSchedule(value);
  const owners = hourOwners(value);

  const update = (index: number, patch: Partial<SpeedRange>) =>
    onChange(value.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const remove = (index: number) => onChange(value.filter((_, i) => i !== index));
  const add = () => {
    const free = owners.findIndex((o) => o === undefined);
    const hour = free === -1 ? 0 : free;
    onChange([...value, { beginHour: hour, endHour: hour, speed: 10 }]);
  };

  const errorText = (index: number): string | undefined => {
    const error = validation.ranges[index];
    if (!error || (!showErrors && error !== 'overlap')) return undefined;
    if (error === 'overlap')
      return t('speedLimit.error.overlap', { other: (validation.overlapsWith[index] ?? 0) + 1 });
    if (error === 'speedRange') return t('speedLimit.error.speedRange', { min: MIN_SPEED, max: MAX_SPEED });
    return t('speedLimit.error.hour');
  };

  return (
    <Fieldset legend={t('speedLimit.legend')} data-testid="speed-limit-editor" disabled={disabled}>
      <Stack gap="sm">
        <Group gap={2} role="img" aria-label={t('speedLimit.strip')} data-testid="speed-strip" wrap="nowrap">
          {HOURS.map((h) => {
            const owner = owners[h];
            const range = owner === undefined ? undefined : value[owner];
            const label = t('speedLimit.hour', {
              hour: pad(h),
              value:
                range === undefined || range.speed === ''
                  ? t('speedLimit.free')
                  : `${range.speed} MB/s (${t('speedLimit.rangeLabel', { index: owner! + 1 })})`,
            });
            return (
              <Box
                key={h}
                title={label}
                data-hour={h}
                data-range={owner ?? ''}
                style={{ flex: 1, minWidth: 8 }}
              >
                <Box
                  h={16}
                  bg={owner === undefined ? 'var(--mantine-color-default-border)' : `${COLORS[owner % 10]}.6`}
                  style={{ borderRadius: 2 }}
                />
                {h % 6 === 0 && (
                  <Text size="xs" c="dimmed" aria-hidden>
                    {pad(h)}
                  </Text>
                )}
              </Box>
            );
          })}
        </Group>

        {value.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="speed-none">
            {t('speedLimit.none')}
          </Text>
        )}

        {value.map((range, index) => {
          const error = errorText(index);
          const n = index + 1;
          return (
            <Stack key={index} gap={4} data-testid="speed-range" data-invalid={error ? 'true' : undefined}>
              <Group gap="xs" align="flex-end" wrap="wrap">
                <Box w={12} h={36} bg={`${COLORS[index % 10]}.6`} style={{ borderRadius: 2 }} aria-hidden />
                <NativeSelect
                  label={t('speedLimit.begin')}
                  aria-label={`${t('speedLimit.rangeLabel', { index: n })} ${t('speedLimit.begin')}`}
                  value={String(range.beginHour)}
                  onChange={(e) => update(index, { beginHour: Number(e.currentTarget.value) })}
                  data={HOURS.map((h) => ({ value: String(h), label: `${pad(h)}:00` }))}
                  w={110}
                />
                <NativeSelect
                  label={t('speedLimit.end')}
                  aria-label={`${t('speedLimit.rangeLabel', { index: n })} ${t('speedLimit.end')}`}
                  value={String(range.endHour)}
                  onChange={(e) => update(index, { endHour: Number(e.currentTarget.value) })}
                  data={HOURS.map((h) => ({ value: String(h), label: `${pad(h)}:59` }))}
                  w={110}
                />
                <NumberInput
                  label={t('speedLimit.speed')}
                  aria-label={`${t('speedLimit.rangeLabel', { index: n })} ${t('speedLimit.speed')}`}
                  value={range.speed}
                  onChange={(v) =>
                    update(index, { speed: typeof v === 'number' ? v : v === '' ? '' : Number(v) })
                  }
                  allowDecimal={false}
                  allowNegative={false}
                  w={130}
                  error={!!error}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('speedLimit.remove', { index: n })}
                  onClick={() => remove(index)}
                >
                  ×
                </ActionIcon>
              </Group>
              {error && (
                <Text size="sm" c="red" role="alert" data-testid="speed-range-error">
                  {error}
                </Text>
              )}
            </Stack>
          );
        })}

        {validation.schedule === 'tooMany' && (
          <Text size="sm" c="red" role="alert">
            {t('speedLimit.error.tooMany', { max: MAX_RANGES })}
          </Text>
        )}
        <Group>
          <Button variant="light" size="xs" onClick={add} disabled={disabled || value.length >= MAX_RANGES}>
            {t('speedLimit.add')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
