import '@mantine/core/styles/NumberInput.css';
import '@mantine/core/styles/Switch.css';
import '@mantine/core/styles/SimpleGrid.css';
import '@mantine/core/styles/Fieldset.css';
import { Fieldset, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useListNodeTypes } from '../../tasks/api';
import { TagsEditor } from '../../tasks/components/TagsEditor';
import {
  directionsFor,
  ENGINES_BY_SCENARIO,
  netTypesFor,
  NODE_TYPES,
  SCENARIOS,
  taskModesFor,
  type Basics,
  type EngineType,
  type Scenario,
} from '../model/rules';

export interface BasicsFormProps {
  value: Basics;
  onChange: (next: Basics) => void;
  errors: Record<string, string>;
  /** after creation, only the name / description / tags can still change (4.1.4) */
  locked?: boolean;
}

/** Keeps dependent choices valid when the scenario changes (engine, network, mode, direction). */
export function withScenario(b: Basics, scenario: Scenario): Basics {
  const engines = ENGINES_BY_SCENARIO[scenario] as string[];
  return {
    ...b,
    scenario,
    engine: engines.includes(b.engine) ? b.engine : (engines[0] ?? ''),
    netType: netTypesFor(scenario).includes(b.netType) ? b.netType : 'eip',
    taskMode: taskModesFor(scenario).includes(b.taskMode) ? b.taskMode : 'FULL_INCR_TRANS',
    direction: directionsFor(scenario).includes(b.direction) ? b.direction : 'up',
  };
}

export function BasicsForm({ value: b, onChange, errors, locked }: BasicsFormProps) {
  const { t } = useTranslation();
  const set = <K extends keyof Basics>(key: K, v: Basics[K]) => onChange({ ...b, [key]: v });
  const err = (key: string) => (errors[key] ? t(errors[key]) : undefined);
  const dr = b.scenario === 'cloudDataGuard';
  const nodeTypes = useListNodeTypes({
    engine_type: b.engine as EngineType,
    db_use_type: b.scenario,
    job_direction: b.direction,
    ...(dr ? { is_multi_write: b.multiWrite } : {}),
  });
  const listed = (nodeTypes.data?.node_types ?? []).filter((n) => n.node_type);

  return (
    <Stack gap="md">
      <Fieldset legend={t('wizard.basics.scenarioLegend')} disabled={locked}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('wizard.basics.scenario')}
            data={SCENARIOS.map((s) => ({ value: s, label: t(`dbUseType.${s}`) }))}
            value={b.scenario}
            allowDeselect={false}
            onChange={(v) => v && onChange(withScenario(b, v as Scenario))}
            error={err('scenario')}
          />
          <Select
            label={t('wizard.basics.engine')}
            description={t('wizard.basics.engineHint')}
            data={ENGINES_BY_SCENARIO[b.scenario].map((e) => ({ value: e, label: t(`wizard.engine.${e}`) }))}
            value={b.engine}
            allowDeselect={false}
            onChange={(v) => v && set('engine', v)}
            error={err('engine')}
          />
          <Select
            label={t('wizard.basics.direction')}
            data={directionsFor(b.scenario).map((d) => ({
              value: d,
              label: t(dr ? `wizard.direction.dr.${d}` : `wizard.direction.${d}`),
            }))}
            value={b.direction}
            allowDeselect={false}
            onChange={(v) => v && set('direction', v as Basics['direction'])}
            error={err('direction')}
          />
          <Select
            label={t('wizard.basics.netType')}
            description={dr ? t('wizard.basics.netTypeDrHint') : undefined}
            data={netTypesFor(b.scenario).map((n) => ({ value: n, label: t(`wizard.netType.${n}`) }))}
            value={b.netType}
            allowDeselect={false}
            onChange={(v) => v && set('netType', v as Basics['netType'])}
            error={err('netType')}
          />
          <Select
            label={t('wizard.basics.nodeType')}
            description={nodeTypes.isError ? t('wizard.basics.nodeTypeFallback') : undefined}
            data={
              listed.length
                ? listed.map((n) => ({
                    value: n.node_type!,
                    label: n.is_sellout
                      ? t('wizard.basics.soldOut', { type: n.node_type })
                      : t(`wizard.nodeType.${n.node_type}`, { defaultValue: n.node_type }),
                    disabled: n.is_sellout === true,
                  }))
                : NODE_TYPES.map((n) => ({ value: n, label: t(`wizard.nodeType.${n}`) }))
            }
            value={b.nodeType}
            allowDeselect={false}
            onChange={(v) => v && set('nodeType', v)}
            error={err('nodeType')}
          />
          <Select
            label={t('wizard.basics.taskMode')}
            description={dr ? t('wizard.basics.taskModeDrHint') : undefined}
            data={taskModesFor(b.scenario).map((m) => ({ value: m, label: t(`taskType.${m}`) }))}
            value={b.taskMode}
            allowDeselect={false}
            onChange={(v) => v && set('taskMode', v as Basics['taskMode'])}
            error={err('taskMode')}
          />
          {dr && (
            <Switch
              label={t('wizard.basics.multiWrite')}
              description={t('wizard.basics.multiWriteHint')}
              checked={b.multiWrite}
              onChange={(e) => set('multiWrite', e.currentTarget.checked)}
            />
          )}
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('wizard.basics.networkLegend')} disabled={locked}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('wizard.basics.subnetId')}
            description={t('wizard.basics.subnetIdHint')}
            placeholder="352ad828-3467-4f03-987a-c55a5a9dd417"
            value={b.subnetId}
            onChange={(e) => set('subnetId', e.currentTarget.value)}
            error={err('subnetId')}
            withAsterisk
          />
          <NumberInput
            label={t('wizard.basics.expiredDays')}
            description={t('wizard.basics.expiredDaysHint')}
            min={14}
            max={100}
            value={b.expiredDays}
            onChange={(v) => set('expiredDays', typeof v === 'number' ? v : Number.NaN)}
            error={err('expiredDays')}
          />
          <TextInput
            label={t('wizard.basics.targetRegion')}
            value={b.targetRegion}
            onChange={(e) => set('targetRegion', e.currentTarget.value)}
            error={err('targetRegion')}
          />
          <TextInput
            label={t('wizard.basics.targetInstId')}
            description={t('wizard.basics.targetInstIdHint')}
            value={b.targetInstId}
            onChange={(e) => set('targetInstId', e.currentTarget.value)}
            error={err('targetInstId')}
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('wizard.basics.describeLegend')}>
        <Stack gap="sm">
          <TextInput
            label={t('wizard.basics.name')}
            description={t('wizard.basics.nameHint')}
            value={b.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={err('name')}
            withAsterisk
            maxLength={60}
          />
          <Textarea
            label={t('wizard.basics.description')}
            description={t('wizard.basics.descriptionHint', { n: b.description.length })}
            value={b.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={err('description')}
            rows={3}
          />
          <TagsEditor
            tags={b.tags}
            onChange={(tags) => set('tags', tags)}
            hint={t('wizard.basics.tagsHint', { n: b.tags.length })}
            error={err('tags')}
            fieldError={err}
          />
        </Stack>
      </Fieldset>
    </Stack>
  );
}
