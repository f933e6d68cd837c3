import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/SegmentedControl.css';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StepLoader } from './StepLoader';
import { DrsErrorAlert } from '../../../components/DrsErrorAlert';
import { useBatchGetParams, useUpdateParams } from '../../tasks/api';

type Group = 'common' | 'performance';

/** 4.1.9 / 4.1.10: source vs destination parameters, differences highlighted, apply source values to the destination. */
export function ParametersStep({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const request = useMemo(() => ({ jobs: [jobId], refresh: '1' as const }), [jobId]);
  const params = useBatchGetParams(request);
  const update = useUpdateParams();
  const [group, setGroup] = useState<Group>('common');
  const [onlyDiff, setOnlyDiff] = useState(true);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<{ restart: boolean; count: number }>();

  const all = params.data?.params_list?.[0]?.params ?? [];
  const rows = all.filter(
    (p) => (p.group ?? 'common') === group && (!onlyDiff || p.compare_result === 'false'),
  );
  const diffs = all.filter((p) => p.compare_result === 'false');

  const apply = () => {
    const list = all.filter((p) => p.key && chosen.has(p.key) && (p.group ?? 'common') === group);
    if (list.length === 0 || update.isPending) return;
    update.mutate(
      {
        jobId,
        body: { group, params: list.map((p) => ({ key: p.key!, target_value: p.source_value ?? '' })) },
      },
      {
        onSuccess: (data) => {
          setOutcome({ restart: data.should_restart === 'true', count: list.length });
          setChosen(new Set());
        },
      },
    );
  };

  if (params.isPending) return <StepLoader />;
  if (params.isError) return <DrsErrorAlert error={params.error} onRetry={() => void params.refetch()} />;

  return (
    <Stack gap="sm">
      <Text c="dimmed">{t('wizard.parameters.intro', { n: diffs.length })}</Text>
      <Group justify="space-between">
        <SegmentedControl
          aria-label={t('wizard.parameters.group')}
          value={group}
          onChange={(v) => setGroup(v === 'performance' ? 'performance' : 'common')}
          data={[
            { value: 'common', label: t('wizard.parameters.common') },
            { value: 'performance', label: t('wizard.parameters.performance') },
          ]}
        />
        <Group>
          <Checkbox
            label={t('wizard.parameters.onlyDiff')}
            checked={onlyDiff}
            onChange={(e) => setOnlyDiff(e.currentTarget.checked)}
          />
          <Button variant="default" onClick={() => void params.refetch()} loading={params.isFetching}>
            {t('wizard.parameters.refresh')}
          </Button>
        </Group>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('wizard.parameters.none')}
        </Text>
      ) : (
        <Table withTableBorder data-testid="params-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <VisuallyHidden>{t('wizard.parameters.apply')}</VisuallyHidden>
              </Table.Th>
              <Table.Th>{t('wizard.parameters.key')}</Table.Th>
              <Table.Th>{t('wizard.parameters.source')}</Table.Th>
              <Table.Th>{t('wizard.parameters.target')}</Table.Th>
              <Table.Th>{t('wizard.parameters.restart')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => {
              const differs = p.compare_result === 'false';
              return (
                <Table.Tr
                  key={p.key}
                  data-differs={differs}
                  bg={differs ? 'var(--mantine-color-yellow-light)' : undefined}
                >
                  <Table.Td>
                    <Checkbox
                      aria-label={t('wizard.parameters.choose', { key: p.key })}
                      disabled={!differs}
                      checked={!!p.key && chosen.has(p.key)}
                      onChange={(e) => {
                        const next = new Set(chosen);
                        if (e.currentTarget.checked) next.add(p.key!);
                        else next.delete(p.key!);
                        setChosen(next);
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {p.key}
                    </Text>
                    {differs && (
                      <Badge size="xs" color="yellow" variant="light">
                        {t('wizard.parameters.differs')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{p.source_value}</Table.Td>
                  <Table.Td>{p.target_value}</Table.Td>
                  <Table.Td>{p.need_restart === 'true' ? t('wizard.yes') : t('wizard.no')}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {update.isError && <DrsErrorAlert error={update.error} />}
      {outcome && (
        <Alert color={outcome.restart ? 'orange' : 'teal'} variant="light" role="status">
          {outcome.restart
            ? t('wizard.parameters.appliedRestart', { n: outcome.count })
            : t('wizard.parameters.applied', { n: outcome.count })}
        </Alert>
      )}
      <Group>
        <Button variant="light" onClick={apply} disabled={chosen.size === 0} loading={update.isPending}>
          {t('wizard.parameters.applyChosen', { n: chosen.size })}
        </Button>
      </Group>
    </Stack>
  );
}
