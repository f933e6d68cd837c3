import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DrsErrorAlert } from '../../../../components/DrsErrorAlert';
import { formatDuration } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import { downloadCompareResultFile, useExportCompareResultFile } from '../../api';
import { gmtOffset, safeFilePart, saveBlob } from '../../model/files';

export type ExportCompareType = 'lines' | 'contents' | 'random' | 'objects_comparison';

export interface ExportPanelProps {
  jobId: string;
  compareType: ExportCompareType;
  /** Mandatory for data-level comparisons. */
  compareJobId?: string | undefined;
  /** Export state from 4.1.24 / 4.1.34. */
  exportStatus: string | undefined;
  remainSeconds: number | undefined;
  /** The comparison reached a final status (only then can its result be exported). */
  finished: boolean;
  /** Region of the task (`Region` header of 4.1.36); undefined when unknown. */
  region: string | undefined;
}

/**
 * The result file: request it (4.1.36), follow its generation (the page polls the export status while it is
 * EXPORTING), then download it (4.1.37) through the proxy as a real .xlsx file.
 */
export function ExportPanel(props: ExportPanelProps) {
  const { jobId, compareType, compareJobId, exportStatus, remainSeconds, finished, region } = props;
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const exporter = useExportCompareResultFile();
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const ready = exportStatus === 'EXPORT_COMPLETE' && (remainSeconds ?? 0) > 0;
  const exporting = exportStatus === 'EXPORTING' || exporter.isPending;
  const expired = exportStatus === 'EXPORT_COMPLETE' && !ready;

  const requestExport = () => {
    if (!region || exporting) return;
    setSaved(undefined);
    setDownloadError(undefined);
    exporter.mutate({
      jobId,
      region,
      body: {
        compare_type: compareType,
        ...(compareJobId ? { compare_job_id: compareJobId } : {}),
        time_zone: gmtOffset(),
      },
    });
  };

  const download = async () => {
    if (downloading) return;
    setDownloading(true);
    setDownloadError(undefined);
    try {
      const blob = await downloadCompareResultFile(jobId, {
        compare_type: compareType,
        ...(compareJobId ? { compare_job_id: compareJobId } : {}),
      });
      const name = `${safeFilePart(jobId)}_${compareType}${compareJobId ? `_${safeFilePart(compareJobId)}` : ''}.xlsx`;
      saveBlob(blob, name);
      setSaved(name);
    } catch (error) {
      setDownloadError(error);
    } finally {
      setDownloading(false);
    }
  };

  let state: string;
  if (!finished) state = t('comparisonReport.export.notFinished');
  else if (!region) state = t('comparisonReport.export.noRegion');
  else if (exporting) state = t('comparisonReport.export.exporting');
  else if (ready)
    state = t('comparisonReport.export.ready', { time: formatDuration(remainSeconds, language) });
  else if (expired) state = t('comparisonReport.export.expired');
  else if (exportStatus === 'EXPORT_COMMON_FAILED') state = t('comparisonReport.export.failed');
  else state = t('comparisonReport.export.init');

  return (
    <Paper withBorder p="md" radius="md" data-testid="export-panel" aria-labelledby="export-title">
      <Stack gap="xs">
        <Title order={3} size="h5" id="export-title">
          {t('comparisonReport.export.title')}
        </Title>
        <Group gap="xs" aria-live="polite">
          {exporting && <Loader size="xs" aria-hidden="true" />}
          <Text size="sm" data-testid="export-state" data-export-status={exportStatus ?? ''}>
            {state}
          </Text>
        </Group>
        <Group gap="sm">
          <Button
            variant={ready ? 'default' : 'filled'}
            onClick={requestExport}
            disabled={!finished || !region || exporting}
            data-testid="export-request"
          >
            {ready || expired ? t('comparisonReport.export.again') : t('comparisonReport.export.request')}
          </Button>
          {ready && (
            <Button onClick={() => void download()} loading={downloading} data-testid="export-download">
              {t('comparisonReport.export.download')}
            </Button>
          )}
        </Group>
        {saved && (
          <Text size="sm" data-testid="export-saved">
            {t('comparisonReport.export.saved', { name: saved })}
          </Text>
        )}
        {exporter.isError && (
          <DrsErrorAlert error={exporter.error} title={t('comparisonReport.export.requestFailed')} />
        )}
        {downloadError !== undefined && (
          <DrsErrorAlert error={downloadError} title={t('comparisonReport.export.downloadFailed')} />
        )}
      </Stack>
    </Paper>
  );
}
