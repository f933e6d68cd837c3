import type { OpData } from '../../../lib/api';
import { emptySelection, type ObjectSelection } from './objects';
import { defaultBasics, emptyConnection, type Basics, type Connection } from './rules';

type Detail = NonNullable<OpData<'batchQueryJobDetails'>['results']>[number];
type Endpoint = NonNullable<Detail['source_endpoint']>;

/** The basics of a created task, re-read from batch-detail (4.1.21) when a wizard is resumed. */
export function basicsFromDetail(d: Detail): Basics {
  const scenario = d.db_use_type ?? defaultBasics.scenario;
  const so = d.source_endpoint?.db_type;
  const ta = d.target_endpoint?.db_type;
  const info = (d.inst_info ?? {}) as { engine_type?: string; inst_type?: string };
  const engine =
    info.engine_type ??
    (scenario === 'cloudDataGuard'
      ? 'cloudDataGuard-mysql'
      : so && ta && so !== ta
        ? `${so}-to-${ta}`
        : (so ?? 'mysql'));
  const expired = Number((d as { expired_days?: string }).expired_days ?? 14);
  return {
    ...defaultBasics,
    scenario,
    engine,
    direction: d.job_direction ?? defaultBasics.direction,
    netType: d.net_type ?? defaultBasics.netType,
    nodeType: info.inst_type ?? defaultBasics.nodeType,
    taskMode: d.task_type ?? defaultBasics.taskMode,
    name: d.name ?? '',
    description: d.description ?? '',
    tags: (d.tags ?? []).map((t) => ({ key: t.key ?? '', value: t.value ?? '' })),
    subnetId: d.subnet_id ?? '',
    targetRegion: d.target_endpoint?.region ?? '',
    targetInstId: d.target_endpoint?.inst_id ?? '',
    expiredDays: Number.isFinite(expired) ? expired : 14,
    multiWrite: d.multi_write ?? false,
  };
}

/** A saved endpoint (never with its password: the service does not return it). */
export function connectionFromEndpoint(e: Endpoint | undefined): Connection {
  if (!e) return { ...emptyConnection };
  return {
    ...emptyConnection,
    ip: e.ip ?? '',
    port: e.db_port ?? emptyConnection.port,
    user: e.db_user ?? '',
    instId: e.inst_id ?? '',
    region: e.region ?? '',
    vpcId: e.vpc_id ?? '',
    subnetId: e.subnet_id ?? '',
    sslLink: e.ssl_link ?? false,
    sslCertName: e.ssl_cert_name ?? '',
  };
}

export const endpointSaved = (e: Endpoint | undefined) => !!e?.ip;

/** Saved object selection: the databases of `object_infos` (tables are not returned in detail). */
export function objectsFromDetail(d: Detail): ObjectSelection {
  const infos = (d.object_infos ?? []) as Array<{ name?: string; type?: string; all?: boolean }>;
  const dbs = infos.filter((o) => o.name && (o.type ?? 'database') === 'database');
  if (!d.object_switch || dbs.length === 0) return emptySelection;
  return {
    wholeInstance: false,
    databases: dbs.map((o) => ({ name: o.name!, alias: '', whole: true, tables: [] })),
  };
}
