import type { OpBody } from '../../../lib/api';
import { endpointDbTypes, type Basics, type Connection, type EngineType } from './rules';

type CreateJob = OpBody<'batchCreateJobs'>['jobs'][number];
type TestItem = OpBody<'batchTestConnections'>['jobs'][number];
type ModifyJob = OpBody<'batchModifyJobs'>['jobs'][number];
export type Side = 'so' | 'ta';

/** 4.1.1 body for one task, SDK spellings (`customize_sutnet_id`, `is_target_readonly`). */
export function createJobBody(b: Basics): OpBody<'batchCreateJobs'> {
  const engine = b.engine as EngineType;
  const types = endpointDbTypes(engine);
  const dr = b.scenario === 'cloudDataGuard';
  const cloudSide = {
    ...(b.targetRegion ? { region: b.targetRegion } : {}),
    ...(b.targetInstId ? { inst_id: b.targetInstId } : {}),
  };
  type Endpoint = CreateJob['source_endpoint'];
  const job = {
    name: b.name,
    db_use_type: b.scenario,
    engine_type: engine,
    job_direction: b.direction,
    net_type: b.netType,
    node_type: b.nodeType as CreateJob['node_type'],
    task_type: b.taskMode,
    customize_sutnet_id: b.subnetId,
    bind_eip: b.netType === 'eip',
    is_target_readonly: dr ? b.direction === 'up' : true,
    source_endpoint: { db_type: types.so } as Endpoint,
    target_endpoint: { db_type: types.ta, ...cloudSide } as Endpoint,
    expired_days: String(b.expiredDays),
    ...(b.description ? { description: b.description } : {}),
    ...(b.tags.length ? { tags: b.tags } : {}),
    ...(dr ? { multi_write: b.multiWrite } : {}),
  } as CreateJob;
  return { jobs: [job] };
}

function endpointFields(c: Connection) {
  return {
    ip: c.ip,
    db_port: c.port,
    db_user: c.user,
    db_password: c.password,
    ...(c.instId ? { inst_id: c.instId } : {}),
    ...(c.region ? { region: c.region } : {}),
    ...(c.vpcId ? { vpc_id: c.vpcId } : {}),
    ...(c.subnetId ? { subnet_id: c.subnetId } : {}),
    ...(c.sslLink
      ? {
          ssl_link: true,
          ssl_cert_name: c.sslCertName,
          ssl_cert_key: c.sslCertKey,
          ssl_cert_check_sum: c.sslCertCheckSum,
          ...(c.sslCertPassword ? { ssl_cert_password: c.sslCertPassword } : {}),
        }
      : {}),
  };
}

/** One 4.1.2 item (`end_point_type` so/ta, `id` = job id). */
export function testConnectionItem(jobId: string, side: Side, b: Basics, c: Connection): TestItem {
  const types = endpointDbTypes(b.engine as EngineType);
  return {
    id: jobId,
    end_point_type: side,
    net_type: b.netType,
    db_type: types[side] as TestItem['db_type'],
    ...endpointFields(c),
  } as TestItem;
}

/** 4.1.4 after both tests passed: the tested endpoints, `store_db_info: true`, `is_recreate: false`. */
export function modifyJobBody(
  jobId: string,
  b: Basics,
  so: Connection,
  ta: Connection,
  replaceDefiner: boolean,
) {
  const types = endpointDbTypes(b.engine as EngineType);
  const job = {
    job_id: jobId,
    name: b.name,
    description: b.description,
    engine_type: b.engine,
    net_type: b.netType,
    job_direction: b.direction,
    db_use_type: b.scenario,
    task_type: b.taskMode,
    node_type: b.nodeType,
    store_db_info: true,
    is_recreate: false,
    replace_definer: replaceDefiner,
    source_endpoint: { db_type: types.so, ...endpointFields(so) },
    target_endpoint: { db_type: types.ta, ...endpointFields(ta) },
  } as unknown as ModifyJob;
  return { jobs: [job] } as OpBody<'batchModifyJobs'>;
}

const SECRET_KEYS = new Set([
  'db_password',
  'ssl_cert_password',
  'trust_store_password',
  'key_store_password',
  'key_password',
]);

/** A deep copy with every password replaced by `********` — for the confirm step's JSON view. */
export function maskSecrets<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (k, v) => (SECRET_KEYS.has(k) && typeof v === 'string' && v ? '********' : v)),
  ) as T;
}
