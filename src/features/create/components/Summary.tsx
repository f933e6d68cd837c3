import '@mantine/core/styles/Table.css';
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { countSelected, type ObjectSelection } from '../model/objects';
import type { Basics, Connection } from '../model/rules';

const MASK = '••••••••';

/** Every choice of the wizard as a two-column table; passwords are never shown. */
export function Summary({
  basics: b,
  so,
  ta,
  objects,
}: {
  basics: Basics;
  so: Connection;
  ta: Connection;
  objects: ObjectSelection;
}) {
  const { t } = useTranslation();
  const conn = (c: Connection) =>
    c.ip
      ? `${c.user}@${c.ip}:${c.port} · ${t('wizard.conn.password')}: ${MASK}${c.sslLink ? ` · SSL ${c.sslCertName}` : ''}`
      : t('common.notAvailable');
  const counts = countSelected(objects);
  const rows: Array<[string, string]> = [
    [t('wizard.basics.scenario'), t(`dbUseType.${b.scenario}`)],
    [t('wizard.basics.engine'), t(`wizard.engine.${b.engine}`, { defaultValue: b.engine })],
    [
      t('wizard.basics.direction'),
      t(
        b.scenario === 'cloudDataGuard'
          ? `wizard.direction.dr.${b.direction}`
          : `wizard.direction.${b.direction}`,
      ),
    ],
    [t('wizard.basics.netType'), t(`wizard.netType.${b.netType}`)],
    [t('wizard.basics.nodeType'), t(`wizard.nodeType.${b.nodeType}`, { defaultValue: b.nodeType })],
    [t('wizard.basics.taskMode'), t(`taskType.${b.taskMode}`)],
    [t('wizard.basics.name'), b.name],
    [t('wizard.basics.description'), b.description || t('common.notAvailable')],
    [
      t('wizard.basics.tags'),
      b.tags.map((x) => `${x.key}=${x.value}`).join(', ') || t('common.notAvailable'),
    ],
    [t('wizard.basics.subnetId'), b.subnetId],
    [t('wizard.basics.targetInstId'), b.targetInstId || t('common.notAvailable')],
    [t('wizard.basics.expiredDays'), String(b.expiredDays)],
    [t('wizard.conn.source'), conn(so)],
    [t('wizard.conn.target'), conn(ta)],
    [
      t('wizard.step.objects'),
      objects.wholeInstance
        ? t('wizard.objects.wholeInstance')
        : t('wizard.objects.count', { databases: counts.databases, tables: counts.tables }),
    ],
  ];
  if (b.scenario === 'cloudDataGuard')
    rows.push([t('wizard.basics.multiWrite'), b.multiWrite ? t('wizard.yes') : t('wizard.no')]);
  return (
    <Table withTableBorder withColumnBorders data-testid="wizard-summary">
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th scope="row" w="30%">
              {k}
            </Table.Th>
            <Table.Td>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
