/**
 * Pre-check model (4.1.6 / 4.1.7): the check items per engine, grouped as the reference's examples show, with
 * PASSED / ALARM / FAILED results derived from the task facts and the seed. Pure: a function of
 * (seed, task facts, pre-check start, now).
 *
 * Triggers (see sim/README.md):
 * - a task whose description contains `precheck-fail` fails 2–3 seeded items of its engine (with reasons);
 * - a source user named `no_priv` fails the source-privilege item;
 * - a description containing `precheck-alarm` gives 1–2 ALARM items (alarms still count as passed).
 * Otherwise every item passes ("100%"), as Terraform clients require.
 */
import { engineFamily, type TaskFacts } from './facts.ts';
import { unit } from './noise.ts';

/** Emulated time a pre-check takes from 0% to 100%. */
export const PRECHECK_DURATION_MS = 6_000;

export type PrecheckOutcome = 'PASSED' | 'ALARM' | 'FAILED';

export interface PrecheckItemDef {
  item: string;
  group: string;
  /** failed_reason and handling suggestion when this item fails (or alarms). */
  failure?: { reason: string; message: string };
  /** The item may be an ALARM (a warning that does not block the start). */
  alarm?: { reason: string; data: string };
}

export interface PrecheckResultItem {
  item: string;
  result: PrecheckOutcome;
  group: string;
  failed_reason?: string;
  raw_error_msg?: string;
  data?: string;
  failed_sub_jobs?: { id: string; name: string; check_result: string }[];
}

export interface PrecheckAnswer {
  precheck_id: string;
  result: boolean;
  process: string;
  total_passed_rate: string;
  rds_instance_id: string;
  job_direction: string;
  precheck_result: PrecheckResultItem[];
}

const f = (reason: string, message: string) => ({ reason, message });

const COMMON_TAIL: PrecheckItemDef[] = [
  { item: 'dstStatusCheck', group: 'db_target_status' },
  {
    item: 'dstDbPrivilegesIsEnough',
    group: 'db_user_privilege',
    failure: f(
      'DST_USER_PRIVILEGE_NOT_ENOUGH',
      'The destination database user lacks privileges. Handling suggestion: grant the destination user the privileges listed in the DRS documentation, then run the pre-check again.',
    ),
  },
  {
    item: 'srcDbPrivilegesIsEnoughForIncre',
    group: 'db_user_privilege',
    failure: f(
      'SRC_USER_PRIVILEGE_NOT_ENOUGH',
      'The source database user lacks the privileges needed for incremental migration (SELECT, REPLICATION SLAVE, REPLICATION CLIENT). Handling suggestion: grant them, or use a user that has them.',
    ),
  },
  { item: 'dbVersionMeetRequirement', group: 'db_version' },
  {
    item: 'dstDbVersionSupport',
    group: 'db_version',
    failure: f(
      'DST_DB_VERSION_NOT_SUPPORT',
      'The destination database version is lower than the source version. Handling suggestion: use a destination database of the same or a later version.',
    ),
  },
  { item: 'srcDbVersionSupport', group: 'db_version' },
  { item: 'dstDbConnection', group: 'network' },
  { item: 'srcDbConnection', group: 'network' },
];

const DISK: PrecheckItemDef = {
  item: 'dstDbDiskSize',
  group: 'db_disk_size',
  failure: f(
    'DST_DISK_SPACE_NOT_ENOUGH',
    'The destination disk space is insufficient. Handling suggestion: scale up the destination storage to at least 1.5 times the source data size.',
  ),
};

const MYSQL: PrecheckItemDef[] = [
  DISK,
  { item: 'checkIncreSrcDbExistedInDstDb', group: 'db_params' },
  {
    item: 'dbCharacterSetConsistency',
    group: 'db_params',
    failure: f(
      'CHARACTER_SET_INCONSISTENT',
      'The character sets of the source and destination databases are inconsistent. Handling suggestion: change character_set_server of the destination database to that of the source.',
    ),
  },
  { item: 'dbClockConsistency', group: 'db_params' },
  { item: 'dbCollationServerConsistency', group: 'db_params' },
  { item: 'dbIsolationLevelConsistency', group: 'db_params' },
  { item: 'dbParamConsistency', group: 'db_params' },
  { item: 'dbServerUuidConsistency', group: 'db_params' },
  { item: 'dstMaxAllowedPacketCheck', group: 'db_params' },
  { item: 'hasForeignKeyOnUnselectedTable', group: 'db_params' },
  { item: 'innodbStrictModeConsistency', group: 'db_params' },
  { item: 'isUserRequireSslLink', group: 'db_params' },
  { item: 'sqlModeConsistency', group: 'db_params' },
  { item: 'sqlModeNoEngine', group: 'db_params' },
  {
    item: 'srcBinlogFormatCheck',
    group: 'db_params',
    failure: f(
      'SRC_BINLOG_FORMAT_NOT_ROW',
      'The binlog_format of the source database is not ROW. Handling suggestion: run SET GLOBAL binlog_format = ROW; and restart the sessions that write to the database.',
    ),
  },
  {
    item: 'srcBinlogRowImageCheck',
    group: 'db_params',
    failure: f(
      'SRC_BINLOG_ROW_IMAGE_NOT_FULL',
      'The binlog_row_image of the source database is not FULL. Handling suggestion: run SET GLOBAL binlog_row_image = FULL;',
    ),
  },
  {
    item: 'srcDbBinlogExpireLogsDays',
    group: 'db_params',
    alarm: { reason: 'SRC_BINLOG_RETENTION_TOO_SHORT', data: '{"expireLogsDays":"1"}' },
  },
  {
    item: 'srcDbBinlogIsOff',
    group: 'db_params',
    failure: f(
      'SRC_BINLOG_IS_OFF',
      'Binary logging is disabled on the source database. Handling suggestion: set log_bin=ON in my.cnf and restart the source database.',
    ),
  },
  { item: 'srcDbExistUnsupportEngineTable', group: 'db_params' },
  { item: 'srcDbIndexKeyLength', group: 'db_params' },
  { item: 'srcDbNameContainsUnsupportedSymbols', group: 'db_params' },
  {
    item: 'srcDbServerIdCheck',
    group: 'db_params',
    failure: f(
      'SRC_SERVER_ID_INVALID',
      'The server_id of the source database is invalid (it must be between 2 and 4294967296). Handling suggestion: run SET GLOBAL server_id = <value>;',
    ),
  },
  { item: 'srcDstTableNameCaseSensitiveCheck', group: 'db_params' },
  {
    item: 'srcHasNoPkTableWhenTgtHasInvisiblePk',
    group: 'db_params',
    alarm: { reason: 'SRC_HAS_TABLE_WITHOUT_PK', data: '{"noPkTables":"shop.audit_log"}' },
  },
  { item: 'srcRoutinesWithoutPrivilegeCheck', group: 'db_params' },
  { item: 'srcTableNameContainsNonAscii', group: 'db_params' },
  { item: 'srcTriggerAndEventCheck', group: 'db_params' },
  { item: 'srcViewNameContainsNonAscii', group: 'db_params' },
  { item: 'srclogSlaveUpdatesCheck', group: 'db_params' },
  { item: 'userRequirementsIsEnoughForDefiner', group: 'db_params' },
  {
    item: 'userSelectObjectsCheck',
    group: 'db_params',
    failure: f(
      'DST_DB_NOT_EMPTY',
      'Objects with the same names as the selected objects already exist in the destination database. Handling suggestion: drop them or deselect the objects.',
    ),
  },
  ...COMMON_TAIL,
];

const POSTGRESQL: PrecheckItemDef[] = [
  DISK,
  { item: 'dbCharacterSetConsistency', group: 'db_params' },
  {
    item: 'srcWalLevelCheck',
    group: 'db_params',
    failure: f(
      'SRC_WAL_LEVEL_NOT_LOGICAL',
      'The wal_level of the source database is not logical. Handling suggestion: set wal_level = logical in postgresql.conf and restart the database.',
    ),
  },
  {
    item: 'srcMaxReplicationSlotsCheck',
    group: 'db_params',
    failure: f(
      'SRC_REPLICATION_SLOTS_NOT_ENOUGH',
      'The source database has no free replication slot. Handling suggestion: raise max_replication_slots or drop unused slots, then restart the database.',
    ),
  },
  { item: 'srcMaxWalSendersCheck', group: 'db_params' },
  { item: 'srcTestDecodingPluginCheck', group: 'db_params' },
  {
    item: 'srcTableWithoutPrimaryKeyCheck',
    group: 'db_params',
    alarm: { reason: 'SRC_HAS_TABLE_WITHOUT_PK', data: '{"noPkTables":"public.audit_log"}' },
  },
  { item: 'srcReplicaIdentityCheck', group: 'db_params' },
  { item: 'dbExtensionConsistency', group: 'db_params' },
  { item: 'dbTimezoneConsistency', group: 'db_params' },
  { item: 'srcDbNameContainsUnsupportedSymbols', group: 'db_params' },
  {
    item: 'userSelectObjectsCheck',
    group: 'db_params',
    failure: f(
      'DST_DB_NOT_EMPTY',
      'Schemas or tables with the same names already exist in the destination database. Handling suggestion: drop them or deselect the objects.',
    ),
  },
  ...COMMON_TAIL,
];

const MONGODB: PrecheckItemDef[] = [
  DISK,
  { item: 'srcAndDstCappedCollConsistency', group: 'db_object_conflict_check' },
  {
    item: 'srcCollAlreadyExistedInDstColl',
    group: 'db_object_conflict_check',
    failure: f(
      'SRC_COLL_EXISTED_IN_DST',
      'Collections with the same names already exist in the destination database. Handling suggestion: drop them or deselect the collections.',
    ),
  },
  { item: 'srcViewAlreadyExistedInDstView', group: 'db_object_conflict_check' },
  { item: 'rolesDependentCheck', group: 'db_object_dependency_check' },
  { item: 'usersDependentCheck', group: 'db_object_dependency_check' },
  {
    item: 'srcCollHasTtlIndex',
    group: 'db_params',
    alarm: { reason: 'SRC_HAS_TTL_INDEXES', data: '{"srcHasTtlIndexColls":"app.sessions"}' },
  },
  { item: 'dbSslConsistency', group: 'db_params' },
  { item: 'dstChunkNumCheck', group: 'db_params' },
  { item: 'mongoTypeFitTransferMode', group: 'db_params' },
  { item: 'srcCollIndexNumCheck', group: 'db_params' },
  { item: 'srcCollNameContainsUnsupportedSymbols', group: 'db_params' },
  { item: 'srcDbInstancesEmpty', group: 'db_params' },
  { item: 'srcDbNameContainsUnsupportedSymbols', group: 'db_params' },
  {
    item: 'srcIdIndexCheck',
    group: 'db_params',
    failure: f(
      'SRC_COLL_WITHOUT_ID_INDEX',
      'Some source collections have no _id index. Handling suggestion: create the _id index or deselect the collections.',
    ),
  },
  { item: 'userSelectObjectsCheck', group: 'db_params' },
  { item: 'dstStatusCheck', group: 'db_target_status' },
  { item: 'dstDbPrivilegesEnough', group: 'db_user_privilege' },
  {
    item: 'srcDbPrivilegesEnough',
    group: 'db_user_privilege',
    failure: f(
      'SRC_USER_PRIVILEGE_NOT_ENOUGH',
      'The source database user lacks the readAnyDatabase and read on local privileges. Handling suggestion: grant them to the user.',
    ),
  },
  { item: 'dbVersionMeetRequirement', group: 'db_version' },
  { item: 'dstDbVersionSupport', group: 'db_version' },
  { item: 'srcDbVersionSupport', group: 'db_version' },
  { item: 'dstDbConnection', group: 'network' },
  { item: 'srcDbConnection', group: 'network' },
  {
    item: 'srcShardKeyConfiguration',
    group: 'src_info_check',
    alarm: {
      reason: 'SRC_INSTANCE_TYPE_IS_REPLICA_SET',
      data: '{"notConfigShardIndexColls":"app.orders,app.users"}',
    },
  },
  { item: 'checkBalanceStatus', group: 'src_info_check' },
  { item: 'srcMongoInstanceType', group: 'src_info_check' },
];

const GENERIC: PrecheckItemDef[] = [
  DISK,
  { item: 'dbCharacterSetConsistency', group: 'db_params' },
  { item: 'srcDbNameContainsUnsupportedSymbols', group: 'db_params' },
  {
    item: 'userSelectObjectsCheck',
    group: 'db_params',
    failure: f(
      'DST_DB_NOT_EMPTY',
      'Objects with the same names already exist in the destination database. Handling suggestion: drop them or deselect the objects.',
    ),
  },
  ...COMMON_TAIL,
];

/** Chinese failure messages (X-Language: zh-cn), by failed_reason. */
const ZH_MESSAGES: Record<string, string> = {
  DST_USER_PRIVILEGE_NOT_ENOUGH:
    '目标数据库用户权限不足。处理建议：按照 DRS 文档为目标库用户授予所需权限后重新预检查。',
  SRC_USER_PRIVILEGE_NOT_ENOUGH:
    '源数据库用户权限不足，增量迁移需要相应权限。处理建议：为该用户授予所需权限，或使用具备权限的用户。',
  DST_DB_VERSION_NOT_SUPPORT: '目标数据库版本低于源数据库版本。处理建议：使用相同或更高版本的目标数据库。',
  DST_DISK_SPACE_NOT_ENOUGH: '目标数据库磁盘空间不足。处理建议：将目标库存储扩容至源库数据量的 1.5 倍以上。',
  CHARACTER_SET_INCONSISTENT:
    '源数据库和目标数据库的字符集不一致。处理建议：将目标库的 character_set_server 修改为与源库一致。',
  SRC_BINLOG_FORMAT_NOT_ROW:
    '源数据库的 binlog_format 不是 ROW。处理建议：执行 SET GLOBAL binlog_format = ROW; 并重启写入该库的会话。',
  SRC_BINLOG_ROW_IMAGE_NOT_FULL:
    '源数据库的 binlog_row_image 不是 FULL。处理建议：执行 SET GLOBAL binlog_row_image = FULL;',
  SRC_BINLOG_IS_OFF: '源数据库未开启 binlog。处理建议：在 my.cnf 中设置 log_bin=ON 并重启源数据库。',
  SRC_SERVER_ID_INVALID:
    '源数据库的 server_id 无效（取值范围 2～4294967296）。处理建议：执行 SET GLOBAL server_id = <值>;',
  DST_DB_NOT_EMPTY: '目标数据库中已存在与所选对象同名的对象。处理建议：删除这些对象或取消选择。',
  SRC_WAL_LEVEL_NOT_LOGICAL:
    '源数据库的 wal_level 不是 logical。处理建议：在 postgresql.conf 中设置 wal_level = logical 并重启数据库。',
  SRC_REPLICATION_SLOTS_NOT_ENOUGH:
    '源数据库没有空闲的复制槽。处理建议：调大 max_replication_slots 或删除无用的复制槽，然后重启数据库。',
  SRC_COLL_EXISTED_IN_DST: '目标数据库中已存在同名集合。处理建议：删除这些集合或取消选择。',
  SRC_COLL_WITHOUT_ID_INDEX: '部分源集合没有 _id 索引。处理建议：创建 _id 索引或取消选择这些集合。',
};

/** The check items of an engine_type, in the order the service lists them. */
export function precheckItems(engineType: string): PrecheckItemDef[] {
  switch (engineFamily(engineType)) {
    case 'mysql':
      return MYSQL;
    case 'postgresql':
      return POSTGRESQL;
    case 'mongodb':
      return MONGODB;
    default:
      return GENERIC;
  }
}

/** The user name that makes the source-privilege check fail. */
export const NO_PRIV_USER = 'no_priv';

function plannedOutcomes(seed: number, facts: TaskFacts, items: PrecheckItemDef[]): PrecheckOutcome[] {
  const out: PrecheckOutcome[] = items.map(() => 'PASSED');
  const desc = facts.description.toLowerCase();
  const key = `precheck|${facts.id}`;
  if (desc.includes('precheck-fail')) {
    const failable = items.map((it, i) => (it.failure ? i : -1)).filter((i) => i >= 0);
    const n = Math.min(failable.length, 2 + Math.floor(unit(seed, key, 0) * 2));
    // seeded choice of n distinct failable items
    const order = [...failable].sort((a, b) => unit(seed, key, 100 + a) - unit(seed, key, 100 + b));
    for (const i of order.slice(0, n)) out[i] = 'FAILED';
  }
  if (facts.sourceUser === NO_PRIV_USER) {
    const i = items.findIndex(
      (it) => it.item === 'srcDbPrivilegesIsEnoughForIncre' || it.item === 'srcDbPrivilegesEnough',
    );
    if (i >= 0) out[i] = 'FAILED';
  }
  if (desc.includes('precheck-alarm')) {
    const alarmable = items.map((it, i) => (it.alarm && out[i] === 'PASSED' ? i : -1)).filter((i) => i >= 0);
    for (const i of alarmable) out[i] = 'ALARM';
  }
  return out;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Fake RDS instance id of the destination, stable per task. */
export function rdsInstanceId(seed: number, taskId: string): string {
  let s = '';
  for (let i = 0; s.length < 32; i += 1) s += Math.floor(unit(seed, `rds|${taskId}`, i) * 16).toString(16);
  return `${s}in01`;
}

/**
 * The answer of 4.1.7 for one task whose pre-check started at `startedAt`. While running, only the items checked
 * so far are listed and `result` is false.
 */
export function precheckAnswer(
  seed: number,
  facts: TaskFacts,
  startedAt: number,
  now: number,
  language: 'en-us' | 'zh-cn' = 'en-us',
): PrecheckAnswer {
  const items = precheckItems(facts.engineType);
  const outcomes = plannedOutcomes(seed, facts, items);
  const frac = Math.max(0, Math.min(1, (now - startedAt) / PRECHECK_DURATION_MS));
  const done = Math.floor(frac * items.length);
  const listed: PrecheckResultItem[] = [];
  for (let i = 0; i < done; i += 1) {
    const def = items[i]!;
    const result = outcomes[i]!;
    const entry: PrecheckResultItem = { item: def.item, result, group: def.group };
    if (def.item === 'dstDbDiskSize') {
      const size = Math.floor(unit(seed, `disk|${facts.id}`) * 5e10);
      entry.data = JSON.stringify({
        diskSizeTimes: '1.5',
        dstVolumeSize: String(result === 'FAILED' ? Math.floor(size * 1.2) : 376600000000),
        size: String(size),
      });
    }
    if (result === 'FAILED' && def.failure) {
      entry.failed_reason = def.failure.reason;
      entry.raw_error_msg = (language === 'zh-cn' && ZH_MESSAGES[def.failure.reason]) || def.failure.message;
      if (def.item === 'srcDbPrivilegesIsEnoughForIncre' || def.item === 'srcDbPrivilegesEnough') {
        entry.data = JSON.stringify({
          user: facts.sourceUser || 'drs_user',
          missing: 'REPLICATION SLAVE,REPLICATION CLIENT',
        });
      }
    } else if (result === 'ALARM' && def.alarm) {
      entry.failed_reason = def.alarm.reason;
      entry.data = def.alarm.data;
    }
    listed.push(entry);
  }
  const finished = done === items.length;
  const passed = listed.filter((e) => e.result !== 'FAILED').length;
  return {
    precheck_id: facts.id,
    result: finished && passed === listed.length,
    process: pct(frac),
    total_passed_rate: listed.length ? `${Math.floor((passed / listed.length) * 100)}%` : '0%',
    rds_instance_id: rdsInstanceId(seed, facts.id),
    job_direction: facts.jobDirection,
    precheck_result: listed,
  };
}
