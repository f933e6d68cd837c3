import '@mantine/core/styles/Card.css';
import '@mantine/core/styles/NumberInput.css';
import '@mantine/core/styles/Switch.css';
import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  NumberInput,
  PasswordInput,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DrsErrorAlert } from '../../../components/DrsErrorAlert';
import { explainErrorCode } from '../../../lib/api';
import { currentLanguage } from '../../../lib/i18n';
import { FailureAlert } from '../../tasks/components/FailureAlert';
import type { Connection, NetType } from '../model/rules';
import { encodeCertificateFile } from '../model/ssl';

export type TestState =
  | { kind: 'untested' }
  | { kind: 'testing' }
  | { kind: 'passed' }
  | { kind: 'failed'; code?: string; message?: string }
  | { kind: 'error'; error: unknown };

export interface ConnectionCardProps {
  side: 'so' | 'ta';
  dbType: string;
  netType: NetType;
  value: Connection;
  onChange: (c: Connection) => void;
  errors: Record<string, string>;
  test: TestState;
  onTest: () => void;
  /** saved on the server from an earlier visit (password not returned): no need to test again */
  savedEarlier: boolean;
}

export function ConnectionCard(props: ConnectionCardProps) {
  const { side, dbType, netType, value: c, onChange, errors, test, onTest, savedEarlier } = props;
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [certError, setCertError] = useState<string>();
  const set = <K extends keyof Connection>(key: K, v: Connection[K]) => onChange({ ...c, [key]: v });
  const err = (key: string) => (errors[key] ? t(errors[key]) : undefined);
  const title = t(side === 'so' ? 'wizard.conn.source' : 'wizard.conn.target');
  const explained = test.kind === 'failed' ? explainErrorCode(test.code, language) : undefined;

  const pickCert = async (file: File | null) => {
    setCertError(undefined);
    if (!file) {
      onChange({ ...c, sslCertName: '', sslCertKey: '', sslCertCheckSum: '' });
      return;
    }
    try {
      const enc = await encodeCertificateFile(file);
      onChange({ ...c, sslCertName: enc.name, sslCertKey: enc.base64, sslCertCheckSum: enc.sha256 });
    } catch {
      setCertError(t('wizard.conn.certReadError'));
    }
  };

  return (
    <Card withBorder padding="md" data-testid={`conn-${side}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {title} · {t(`wizard.dbType.${dbType}`, { defaultValue: dbType })}
          </Title>
          <TestBadge test={test} savedEarlier={savedEarlier} />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label={t('wizard.conn.ip')}
            value={c.ip}
            onChange={(e) => set('ip', e.currentTarget.value)}
            error={err('ip')}
            withAsterisk
          />
          <NumberInput
            label={t('wizard.conn.port')}
            min={1}
            max={65535}
            value={c.port}
            onChange={(v) => set('port', typeof v === 'number' ? v : Number.NaN)}
            error={err('port')}
            withAsterisk
            maw={140}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label={t('wizard.conn.user')}
            value={c.user}
            onChange={(e) => set('user', e.currentTarget.value)}
            error={err('user')}
            withAsterisk
            autoComplete="off"
          />
          <PasswordInput
            label={t('wizard.conn.password')}
            value={c.password}
            onChange={(e) => set('password', e.currentTarget.value)}
            error={err('password')}
            withAsterisk
            autoComplete="new-password"
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label={t('wizard.conn.instId')}
            description={t('wizard.conn.instIdHint')}
            value={c.instId}
            onChange={(e) => set('instId', e.currentTarget.value)}
          />
          <TextInput
            label={t('wizard.conn.region')}
            value={c.region}
            onChange={(e) => set('region', e.currentTarget.value)}
          />
        </Group>
        {netType === 'vpc' && (
          <Group grow align="flex-start">
            <TextInput
              label={t('wizard.conn.vpcId')}
              value={c.vpcId}
              onChange={(e) => set('vpcId', e.currentTarget.value)}
              error={err('vpcId')}
              withAsterisk
            />
            <TextInput
              label={t('wizard.conn.subnetId')}
              value={c.subnetId}
              onChange={(e) => set('subnetId', e.currentTarget.value)}
              error={err('subnetId')}
              withAsterisk
            />
          </Group>
        )}
        <Switch
          label={t('wizard.conn.ssl')}
          checked={c.sslLink}
          onChange={(e) => set('sslLink', e.currentTarget.checked)}
        />
        {c.sslLink && (
          <Stack gap="xs">
            <FileInput
              label={t('wizard.conn.cert')}
              description={t('wizard.conn.certHint')}
              placeholder={c.sslCertName || t('wizard.conn.certPick')}
              accept=".pem,.crt,.cer,.p12"
              onChange={(f) => void pickCert(f)}
              error={certError ?? err('sslCertName')}
              clearable
            />
            {c.sslCertCheckSum && (
              <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                {t('wizard.conn.certChecksum', { name: c.sslCertName, sum: c.sslCertCheckSum })}
              </Text>
            )}
            {c.sslCertName.toLowerCase().endsWith('.p12') && (
              <PasswordInput
                label={t('wizard.conn.p12Password')}
                value={c.sslCertPassword}
                onChange={(e) => set('sslCertPassword', e.currentTarget.value)}
                error={err('sslCertPassword')}
                autoComplete="new-password"
              />
            )}
          </Stack>
        )}
        <Group>
          <Button variant="light" onClick={onTest} loading={test.kind === 'testing'}>
            {t('wizard.conn.test', { side: title })}
          </Button>
        </Group>
        {test.kind === 'passed' && (
          <Alert color="teal" variant="light" role="status" title={t('wizard.conn.passedTitle')}>
            {t('wizard.conn.passed')}
          </Alert>
        )}
        {test.kind === 'failed' && (
          <FailureAlert
            failure={{ code: test.code, message: test.message, ...explained }}
            title={t('wizard.conn.failedTitle')}
            testId={`conn-${side}-failure`}
          />
        )}
        {test.kind === 'error' && <DrsErrorAlert error={test.error} />}
      </Stack>
    </Card>
  );
}

function TestBadge({ test, savedEarlier }: { test: TestState; savedEarlier: boolean }) {
  const { t } = useTranslation();
  if (test.kind === 'passed') return <Badge color="teal">{t('wizard.conn.badgePassed')}</Badge>;
  if (test.kind === 'failed' || test.kind === 'error')
    return <Badge color="red">{t('wizard.conn.badgeFailed')}</Badge>;
  if (test.kind === 'testing') return <Badge color="blue">{t('wizard.conn.badgeTesting')}</Badge>;
  if (savedEarlier) return <Badge color="gray">{t('wizard.conn.badgeSaved')}</Badge>;
  return <Badge color="gray">{t('wizard.conn.badgeUntested')}</Badge>;
}
