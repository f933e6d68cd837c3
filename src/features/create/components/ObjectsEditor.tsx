import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/Card.css';
import '@mantine/core/styles/SegmentedControl.css';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
  UnstyledButton,
} from '@mantine/core';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addLines,
  countSelected,
  dbState,
  type DbSel,
  type ObjectSelection,
  type ParseIssue,
} from '../model/objects';

const PAGE = 100;

export interface ObjectsEditorProps {
  value: ObjectSelection;
  onChange: (next: ObjectSelection) => void;
  /** aliases (`object_alias_name`) are used by synchronization tasks only */
  allowAlias: boolean;
}

export function ObjectsEditor({ value, onChange, allowAlias }: ObjectsEditorProps) {
  const { t } = useTranslation();
  const [paste, setPaste] = useState('');
  const [issues, setIssues] = useState<ParseIssue[]>([]);
  const [expanded, setExpanded] = useState<string>();
  const counts = countSelected(value);

  const add = (text: string) => {
    const r = addLines(value, text);
    setIssues(r.issues);
    onChange(r.selection);
  };
  const updateDb = (name: string, fn: (d: DbSel) => DbSel) =>
    onChange({ ...value, databases: value.databases.map((d) => (d.name === name ? fn(d) : d)) });

  return (
    <Stack gap="md">
      <Alert variant="light" color="blue" title={t('wizard.objects.noListTitle')}>
        {t('wizard.objects.noList')}
      </Alert>
      <SegmentedControl
        aria-label={t('wizard.objects.scope')}
        value={value.wholeInstance ? 'all' : 'some'}
        onChange={(v) => onChange({ ...value, wholeInstance: v === 'all' })}
        data={[
          { value: 'all', label: t('wizard.objects.wholeInstance') },
          { value: 'some', label: t('wizard.objects.chosen') },
        ]}
      />
      {!value.wholeInstance && (
        <>
          <Card withBorder>
            <Stack gap="xs">
              <Textarea
                label={t('wizard.objects.pasteLabel')}
                description={t('wizard.objects.pasteHint')}
                placeholder={'shop\nsales.orders\nsales.items'}
                value={paste}
                onChange={(e) => setPaste(e.currentTarget.value)}
                rows={4}
              />
              <Group>
                <Button
                  onClick={() => {
                    add(paste);
                    setPaste('');
                  }}
                  disabled={!paste.trim()}
                >
                  {t('wizard.objects.add')}
                </Button>
                <FileInput
                  aria-label={t('wizard.objects.upload')}
                  placeholder={t('wizard.objects.upload')}
                  accept=".txt,.csv,text/plain"
                  value={null}
                  onChange={(f) => {
                    if (f) void f.text().then(add);
                  }}
                />
              </Group>
              {issues.length > 0 && (
                <Alert
                  color="orange"
                  variant="light"
                  role="alert"
                  title={t('wizard.objects.badLines', { n: issues.length })}
                >
                  {issues.slice(0, 10).map((i) => (
                    <Text size="sm" key={i.line}>
                      {t('wizard.objects.badLine', { line: i.line, text: i.text })}
                    </Text>
                  ))}
                </Alert>
              )}
            </Stack>
          </Card>
          <Text size="sm" data-testid="objects-count" role="status">
            {t('wizard.objects.count', { databases: counts.databases, tables: counts.tables })}
          </Text>
          {value.databases.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('wizard.objects.empty')}
            </Text>
          )}
          <Stack gap={4} role="tree" aria-label={t('wizard.objects.tree')}>
            {value.databases.map((d) => (
              <DbNode
                key={d.name}
                db={d}
                open={expanded === d.name}
                onToggleOpen={() => setExpanded(expanded === d.name ? undefined : d.name)}
                onChange={(fn) => updateDb(d.name, fn)}
                onRemove={() =>
                  onChange({ ...value, databases: value.databases.filter((x) => x.name !== d.name) })
                }
                allowAlias={allowAlias}
              />
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}

interface DbNodeProps {
  db: DbSel;
  open: boolean;
  onToggleOpen: () => void;
  onChange: (fn: (d: DbSel) => DbSel) => void;
  onRemove: () => void;
  allowAlias: boolean;
}

const DbNode = memo(function DbNode({ db, open, onToggleOpen, onChange, onRemove, allowAlias }: DbNodeProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const [shown, setShown] = useState(PAGE);
  const state = dbState(db);
  const selectedTables = db.tables.filter((x) => x.selected).length;
  const visible = filter ? db.tables.filter((x) => x.name.includes(filter)) : db.tables;

  return (
    <Card withBorder padding="xs" role="treeitem" aria-expanded={open} aria-selected={state !== 'none'}>
      <Group gap="sm" wrap="nowrap">
        <Checkbox
          aria-label={t('wizard.objects.selectDb', { name: db.name })}
          checked={state === 'all'}
          indeterminate={state === 'partial'}
          onChange={(e) => {
            const whole = e.currentTarget.checked;
            onChange((d) => ({
              ...d,
              whole,
              tables: whole ? d.tables : d.tables.map((x) => ({ ...x, selected: false })),
            }));
          }}
        />
        <UnstyledButton
          onClick={onToggleOpen}
          aria-label={t(open ? 'wizard.objects.collapse' : 'wizard.objects.expand', { name: db.name })}
        >
          <Text fw={600}>
            {open ? '▾' : '▸'} {db.name}
          </Text>
        </UnstyledButton>
        <Text size="xs" c="dimmed">
          {state === 'all'
            ? t('wizard.objects.stateAll')
            : state === 'partial'
              ? t('wizard.objects.statePartial', { selected: selectedTables, total: db.tables.length })
              : t('wizard.objects.stateNone')}
        </Text>
        {allowAlias && (
          <TextInput
            size="xs"
            aria-label={t('wizard.objects.aliasOf', { name: db.name })}
            placeholder={t('wizard.objects.alias')}
            value={db.alias}
            onChange={(e) => {
              const alias = e.currentTarget.value;
              onChange((d) => ({ ...d, alias }));
            }}
          />
        )}
        <Button
          size="compact-xs"
          variant="subtle"
          color="red"
          onClick={onRemove}
          ml="auto"
          aria-label={t('wizard.objects.removeDb', { name: db.name })}
        >
          {t('wizard.objects.remove')}
        </Button>
      </Group>
      {open && (
        <Stack gap={2} pl="xl" pt="xs" role="group">
          {db.tables.length > PAGE && (
            <TextInput
              size="xs"
              aria-label={t('wizard.objects.filter')}
              placeholder={t('wizard.objects.filter')}
              value={filter}
              onChange={(e) => setFilter(e.currentTarget.value)}
            />
          )}
          {db.tables.length === 0 && (
            <Text size="xs" c="dimmed">
              {t('wizard.objects.noTables')}
            </Text>
          )}
          {visible.slice(0, shown).map((tb) => (
            <Group
              key={tb.name}
              gap="sm"
              wrap="nowrap"
              role="treeitem"
              aria-selected={tb.selected || db.whole}
            >
              <Checkbox
                size="xs"
                aria-label={t('wizard.objects.selectTable', { name: `${db.name}.${tb.name}` })}
                checked={db.whole || tb.selected}
                disabled={db.whole}
                onChange={(e) => {
                  const selected = e.currentTarget.checked;
                  onChange((d) => ({
                    ...d,
                    tables: d.tables.map((x) => (x.name === tb.name ? { ...x, selected } : x)),
                  }));
                }}
              />
              <Text size="sm">{tb.name}</Text>
              {allowAlias && (
                <TextInput
                  size="xs"
                  aria-label={t('wizard.objects.aliasOf', { name: `${db.name}.${tb.name}` })}
                  placeholder={t('wizard.objects.alias')}
                  value={tb.alias}
                  onChange={(e) => {
                    const alias = e.currentTarget.value;
                    onChange((d) => ({
                      ...d,
                      tables: d.tables.map((x) => (x.name === tb.name ? { ...x, alias } : x)),
                    }));
                  }}
                />
              )}
            </Group>
          ))}
          {visible.length > shown && (
            <Button size="compact-xs" variant="subtle" onClick={() => setShown(shown + PAGE * 5)}>
              {t('wizard.objects.showMore', { n: visible.length - shown })}
            </Button>
          )}
        </Stack>
      )}
    </Card>
  );
});
