import { Alert, Button, FileButton, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DrsErrorAlert } from '../../../components/DrsErrorAlert';
import { isDrsApiError, type OpBody } from '../../../lib/api';
import { useBatchCreateJobs } from '../api';
import { BatchIssues } from '../components/batch/BatchIssues';
import { BatchOutcomes, type CreateResult } from '../components/batch/BatchOutcomes';
import { BatchRows } from '../components/batch/BatchRows';
import { downloadText } from '../components/batch/download';
import { csvTemplate } from '../model/batch/csv';
import { readBatchInput, type BatchRow } from '../model/batch/input';

const MAX_FILE_MB = 5;
type CreateResults = CreateResult[];

/** A file's text (FileReader: also where Blob.text is missing). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file);
  });
}

function jsonTemplate(): string {
  const jobs = readBatchInput(csvTemplate()).rows.map((r) => r.job);
  return `${JSON.stringify({ jobs }, null, 2)}\n`;
}

/**
 * `/create/batch` — batch creation (4.1.1): paste or upload JSON (the request body) or CSV (one task per row, see
 * model/batch/csv.ts), every row checked in the browser with each problem located (row, line, field, rule), then
 * one batch-creation call with per-row outcomes. The input lives in component state only (it may hold passwords).
 */
export function BatchCreatePage() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [fileNote, setFileNote] = useState<{ ok: boolean; text: string } | undefined>();
  const deferred = useDeferredValue(text);
  const input = useMemo(() => readBatchInput(deferred), [deferred]);
  const create = useBatchCreateJobs();
  const [sent, setSent] = useState<{ text: string; rows: BatchRow[]; results: CreateResults } | undefined>();

  const validRows = input.rows.filter((r) => r.issues.length === 0);
  const invalidCount = input.rows.length - validRows.length;
  const readable = input.errors.length === 0;
  const alreadySent = sent?.text === text;
  const canCreateAll = readable && input.rows.length > 0 && invalidCount === 0 && !alreadySent;
  const canCreateValid = readable && validRows.length > 0 && invalidCount > 0 && !alreadySent;

  const submit = (rows: BatchRow[]) => {
    if (create.isPending || rows.length === 0) return;
    const body = { jobs: rows.map((r) => r.job) } as unknown as OpBody<'batchCreateJobs'>;
    const submittedText = text;
    create.mutate(body, {
      onSuccess: (data) =>
        setSent({ text: submittedText, rows, results: (data as { results?: CreateResults }).results ?? [] }),
      onError: (error) => {
        // a batch refused as a whole may still carry per-row codes
        const results = isDrsApiError(error)
          ? (error.body as { results?: CreateResults } | undefined)?.results
          : undefined;
        if (Array.isArray(results) && results.length === rows.length)
          setSent({ text: submittedText, rows, results });
      },
    });
  };

  const onFile = async (file: File | null) => {
    if (!file) return;
    if (file.size > MAX_FILE_MB * 1024 * 1024) {
      setFileNote({ ok: false, text: t('batchCreate.fileTooLarge', { name: file.name, max: MAX_FILE_MB }) });
      return;
    }
    setText(await readText(file));
    setFileNote({ ok: true, text: t('batchCreate.fileRead', { name: file.name }) });
  };

  return (
    <Stack gap="md" maw={1200}>
      <Title order={1} size="h2">
        {t('batchCreate.title')}
      </Title>
      <Text size="sm">{t('batchCreate.intro')}</Text>
      <Group gap="sm">
        <FileButton onChange={(f) => void onFile(f)} accept=".csv,.json,.txt,text/csv,application/json">
          {(props) => (
            <Button variant="default" {...props} data-testid="batch-upload">
              {t('batchCreate.upload')}
            </Button>
          )}
        </FileButton>
        <Button
          variant="subtle"
          onClick={() => downloadText('drs-batch-template.csv', csvTemplate(), 'text/csv')}
          data-testid="batch-template-csv"
        >
          {t('batchCreate.templateCsv')}
        </Button>
        <Button
          variant="subtle"
          onClick={() => downloadText('drs-batch-template.json', jsonTemplate(), 'application/json')}
          data-testid="batch-template-json"
        >
          {t('batchCreate.templateJson')}
        </Button>
        {text && (
          <Button variant="subtle" color="gray" onClick={() => setText('')}>
            {t('batchCreate.clear')}
          </Button>
        )}
      </Group>
      {fileNote && (
        <Text size="sm" c={fileNote.ok ? undefined : 'red'} role={fileNote.ok ? 'status' : 'alert'}>
          {fileNote.text}
        </Text>
      )}
      <Textarea
        label={t('batchCreate.inputLabel')}
        description={t('batchCreate.csvHelp')}
        placeholder={t('batchCreate.inputPlaceholder')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        rows={12}
        resize="vertical"
        spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
        data-testid="batch-input"
      />
      <Text size="xs" c="dimmed">
        {t('batchCreate.passwordNote')}
      </Text>

      {input.format && (
        <Text size="sm" data-testid="batch-summary">
          {t('batchCreate.detected', { format: t(`batchCreate.format.${input.format}`) })} ·{' '}
          {t('batchCreate.summary', {
            total: input.rows.length,
            valid: validRows.length,
            invalid: invalidCount,
          })}
        </Text>
      )}
      <BatchIssues input={input} />
      <BatchRows input={input} />

      {input.rows.length > 0 && (
        <Group gap="sm">
          <Button
            onClick={() => submit(input.rows)}
            disabled={!canCreateAll}
            loading={create.isPending}
            data-testid="batch-create"
          >
            {t('batchCreate.create', { count: input.rows.length })}
          </Button>
          {invalidCount > 0 && validRows.length > 0 && (
            <Button
              variant="default"
              onClick={() => submit(validRows)}
              disabled={!canCreateValid || create.isPending}
              data-testid="batch-create-valid"
            >
              {t('batchCreate.createValidOnly', { count: validRows.length })}
            </Button>
          )}
          {invalidCount > 0 && (
            <Text size="sm" c="dimmed">
              {t('batchCreate.fixFirst')}
            </Text>
          )}
          {alreadySent && (
            <Text size="sm" c="dimmed" data-testid="batch-already-sent">
              {t('batchCreate.alreadySent')}
            </Text>
          )}
        </Group>
      )}

      {create.error && !alreadySent && (
        <DrsErrorAlert error={create.error} title={t('batchCreate.createFailed')} />
      )}
      {sent && <BatchOutcomes rows={sent.rows} results={sent.results} />}
      {!input.format && !sent && (
        <Alert color="gray" variant="light">
          {t('batchCreate.intro')}
        </Alert>
      )}
    </Stack>
  );
}
