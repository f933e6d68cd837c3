/**
 * DR monitoring model (4.4.2–4.4.5). RPO/RTO are bounded random walks (smooth value noise over 10-second buckets)
 * with occasional spikes that decay back (a spike may start in any 5-minute window with a seeded chance); every
 * figure is a pure function of (seed, task, emulated time), so polling is cheap and repeatable.
 * After a switchover (`facts.swapped`) the roles of the two sides swap: the offsets of the new primary are
 * reported as the source's, and the transferred counters restart at the switchover time.
 */
import { taskCatalog } from './catalog.ts';
import { engineFamily, type TaskFacts } from './facts.ts';
import { unit, valueNoise } from './noise.ts';

export const BUCKET_MS = 10_000;
export const SPIKE_WINDOW_MS = 300_000;
/** Chance that a 5-minute window holds a delay spike. */
export const SPIKE_CHANCE = 0.12;
/** Bounds of the steady-state delays and of a spike's peak (ms). */
export const BASE_DELAY_MAX_MS = 900;
export const SPIKE_PEAK_MIN_MS = 15_000;
export const SPIKE_PEAK_MAX_MS = 120_000;

/** Extra delay (ms) of a spike at time t for the series `key`: rises in one bucket, then decays back to 0. */
export function spikeAt(seed: number, key: string, t: number): number {
  let extra = 0;
  const w = Math.floor(t / SPIKE_WINDOW_MS);
  // a spike that started in the previous window may still be decaying
  for (const win of [w - 1, w]) {
    if (unit(seed, `${key}|spike`, win) >= SPIKE_CHANCE) continue;
    const start = win * SPIKE_WINDOW_MS + unit(seed, `${key}|spikeAt`, win) * SPIKE_WINDOW_MS;
    if (t < start) continue;
    const peak = SPIKE_PEAK_MIN_MS + unit(seed, `${key}|peak`, win) * (SPIKE_PEAK_MAX_MS - SPIKE_PEAK_MIN_MS);
    const halfLife = 20_000 + unit(seed, `${key}|decay`, win) * 40_000;
    extra += peak * 0.5 ** ((t - start) / halfLife);
  }
  return extra < 50 ? 0 : extra;
}

/** A delay (ms) series: bounded walk plus spikes. */
export function delayAt(seed: number, key: string, t: number): number {
  const base = valueNoise(seed, key, t / BUCKET_MS) ** 2 * BASE_DELAY_MAX_MS;
  return Math.round(base + spikeAt(seed, key, t));
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** yyyy-MM-dd HH:mm:ss in UTC. */
export function formatDateTime(t: number): string {
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Bytes written per emulated second by the primary (seeded per task, 20 KB/s – 2 MB/s). */
function writeRate(seed: number, taskId: string): number {
  return 20_000 + unit(seed, `rate|${taskId}`) * 2_000_000;
}

/** The replication position of one side at time t: binlog file:pos (MySQL), LSN (PostgreSQL), oplog ts (MongoDB). */
export function checkPoint(seed: number, facts: TaskFacts, side: 'a' | 'b', t: number): string {
  const fam = engineFamily(facts.engineType);
  const bytes = Math.max(0, Math.floor(((t - facts.createdAt) / 1000) * writeRate(seed, facts.id)));
  const base = 100 + Math.floor(unit(seed, `binlog|${facts.id}|${side}`) * 800);
  if (fam === 'postgresql') {
    const lsn = 0x16000000 + bytes;
    return `${Math.floor(lsn / 2 ** 32)
      .toString(16)
      .toUpperCase()}/${(lsn % 2 ** 32).toString(16).toUpperCase()}`;
  }
  if (fam === 'mongodb') return `Timestamp(${Math.floor(t / 1000)}, ${1 + (bytes % 97)})`;
  const fileSize = 512 * 1024 * 1024;
  return `mysql-bin.${pad(base + Math.floor(bytes / fileSize), 6)}:${4 + (bytes % fileSize)}`;
}

export interface RpoRtoInfo {
  check_point: string;
  delay: string;
  gtid_set: string;
  time: string;
}

function serverUuid(seed: number, key: string): string {
  const h = (i: number, n: number) =>
    Array.from({ length: n }, (_, k) => Math.floor(unit(seed, key, i * 16 + k) * 16).toString(16)).join('');
  return `${h(0, 8)}-${h(1, 4)}-11eb-${h(2, 4)}-${h(3, 12)}`;
}

/** The sides as reported: `a` is the original source, `b` the original target; swapped after a switchover. */
const sides = (facts: TaskFacts): { primary: 'a' | 'b'; standby: 'a' | 'b' } =>
  facts.swapped ? { primary: 'b', standby: 'a' } : { primary: 'a', standby: 'b' };

/** RPO (primary → DRS) and RTO (DRS → standby) of a DR task at time t (4.4.2). */
export function rpoRto(
  seed: number,
  facts: TaskFacts,
  t: number,
): { rpo_info: RpoRtoInfo; rto_info: RpoRtoInfo } {
  const { primary } = sides(facts);
  const rpo = delayAt(seed, `rpo|${facts.id}|${primary}`, t);
  const rto = delayAt(seed, `rto|${facts.id}|${primary}`, t);
  const mysql = engineFamily(facts.engineType) === 'mysql';
  const gtid = (lag: number) => {
    if (!mysql) return 'NA';
    const n = 1 + Math.floor(((t - lag - facts.createdAt) / 1000) * 3);
    return `${serverUuid(seed, `uuid|${facts.id}|${primary}`)}:1-${Math.max(1, n)}`;
  };
  const info = (lag: number): RpoRtoInfo => ({
    check_point: checkPoint(seed, facts, primary, t - lag),
    delay: String(lag),
    gtid_set: gtid(lag),
    time: formatDateTime(t),
  });
  return { rpo_info: info(rpo), rto_info: info(rpo + rto) };
}

export interface DrMonitorData {
  src_normal: boolean;
  dst_normal: boolean;
  sr_offset: string;
  node_offset: string;
  dst_offset: string;
  sr_delay: number;
  dst_delay: number;
  src_rps: string;
  src_io: string;
  bandwidth: string;
  dst_rps: string;
  dst_io: string;
  trans_inMB: string;
  trans_lines: string;
  volume_used_inGB: string;
  mem_used_inMB: string;
  cpuUsed_percent: string;
  node_volume_inGB: number;
  node_mem_inMB: number;
  migration_bytes_per_second: number;
}

/** DR monitoring data of a task at time t (4.4.3), field names exactly as the service spells them. */
export function monitorData(seed: number, facts: TaskFacts, t: number): DrMonitorData {
  const { primary, standby } = sides(facts);
  const k = `${facts.id}|${primary}`;
  const x = t / BUCKET_MS;
  const sr = delayAt(seed, `rpo|${k}`, t);
  const dst = sr + delayAt(seed, `rto|${k}`, t);
  const load = valueNoise(seed, `load|${k}`, x);
  const rate = writeRate(seed, facts.id) * (0.4 + 1.2 * load);
  const rowSize = 180 + unit(seed, `rowsize|${facts.id}`) * 600;
  const rps = rate / rowSize;
  const dstRps = spikeAt(seed, `rto|${k}`, t) > 0 ? rps * 0.4 : rps;
  const since = facts.swapped && facts.switchedAt ? facts.switchedAt : (facts.startedAt ?? facts.createdAt);
  const elapsedS = Math.max(0, (t - since) / 1000);
  const avgRate = writeRate(seed, facts.id);
  const transBytes = elapsedS * avgRate;
  const dataGb =
    (taskCatalog(seed, facts.id).reduce((s, db) => s + db.tables.reduce((a, tb) => a + tb.rows, 0), 0) *
      rowSize) /
    1e9;
  const volumeGb = Math.min(95, 2 + Math.floor(dataGb * 0.05 + (transBytes / 1e9) * 0.02));
  const srcDown = spikeAt(seed, `rpo|${k}`, t) > 100_000;
  return {
    src_normal: !srcDown,
    dst_normal: true,
    sr_offset: checkPoint(seed, facts, primary, t),
    node_offset: checkPoint(seed, facts, primary, t - sr),
    dst_offset: checkPoint(seed, facts, standby, t - dst),
    sr_delay: sr,
    dst_delay: dst,
    src_rps: String(Math.round(rps)),
    src_io: (rate / 1e6).toFixed(1),
    bandwidth: String(Math.round(20 + 80 * valueNoise(seed, `bw|${k}`, x))),
    dst_rps: String(Math.round(dstRps)),
    dst_io: ((dstRps * rowSize) / 1e6).toFixed(1),
    trans_inMB: String(Math.floor(transBytes / 1e6)),
    trans_lines: String(Math.floor(transBytes / rowSize)),
    volume_used_inGB: String(volumeGb),
    mem_used_inMB: String(Math.round(1800 + 2600 * valueNoise(seed, `mem|${k}`, x / 6))),
    cpuUsed_percent: (1 + 60 * load ** 2).toFixed(1),
    node_volume_inGB: 100,
    node_mem_inMB: 8192,
    migration_bytes_per_second: Math.round(rate),
  };
}

// ---- DR initialization (4.4.4 / 4.4.5) ----

/** Object types of the initialization progress, in the order they run. */
export const STRUCT_TYPES = [
  'database',
  'table_structure',
  'table',
  'view',
  'function',
  'procedure',
  'table_indexes',
] as const;
export type StructType = (typeof STRUCT_TYPES)[number];
/** Status of one object type: 0 waiting, 1 in progress, 2 complete (the reference shows only 2). */
export const STRUCT_STATUS = { WAITING: 0, RUNNING: 1, COMPLETE: 2 } as const;
/** Emulated time one object takes to initialize. */
export const STRUCT_MS_PER_OBJECT = 1_500;

export interface StructObject {
  src_DB: string;
  src_TB: string;
  dst_DB: string;
  dst_TB: string;
}

/** The objects of one type (4.4.5 path `type`), from the task's catalog. */
export function structObjects(seed: number, taskId: string, type: string): StructObject[] {
  const out: StructObject[] = [];
  for (const db of taskCatalog(seed, taskId)) {
    const add = (name: string) => out.push({ src_DB: db.name, src_TB: name, dst_DB: db.name, dst_TB: name });
    switch (type) {
      case 'database':
      case 'schema':
        add(db.name);
        break;
      case 'table':
      case 'table_structure':
        db.tables.forEach((tb) => add(tb.name));
        break;
      case 'table_indexes':
      case 'index':
        db.tables.filter((tb) => tb.pk).forEach((tb) => add(`${tb.name}.PRIMARY`));
        break;
      case 'view':
        db.views.forEach(add);
        break;
      case 'function':
        db.functions.forEach(add);
        break;
      case 'procedure':
        db.procedures.forEach(add);
        break;
      case 'trigger':
        db.triggers.forEach(add);
        break;
      default:
        break;
    }
  }
  return out;
}

export interface StructProcessItem {
  type: string;
  status: number;
  src_count: number;
  dst_count: number;
  start_time?: number;
  end_time?: number;
}

/** Per-type timeline: start and end of each type, one after the other from `startedAt`. */
function timeline(seed: number, taskId: string, startedAt: number) {
  let t = startedAt;
  return STRUCT_TYPES.map((type) => {
    const n = structObjects(seed, taskId, type).length;
    const start = t;
    const end = start + Math.max(1, n) * STRUCT_MS_PER_OBJECT;
    t = end;
    return { type, n, start, end };
  });
}

/** The DR initialization progress at time t (4.4.4). */
export function structProcess(
  seed: number,
  facts: TaskFacts,
  t: number,
): { create_time: string; result: StructProcessItem[] } {
  const startedAt = facts.startedAt ?? Infinity;
  const result = timeline(seed, facts.id, startedAt).map(({ type, n, start, end }) => {
    if (t < start) return { type, status: STRUCT_STATUS.WAITING, src_count: n, dst_count: 0 };
    if (t >= end)
      return {
        type,
        status: STRUCT_STATUS.COMPLETE,
        src_count: n,
        dst_count: n,
        start_time: start,
        end_time: end,
      };
    const done = Math.floor(((t - start) / (end - start)) * n);
    return { type, status: STRUCT_STATUS.RUNNING, src_count: n, dst_count: done, start_time: start };
  });
  return { create_time: String(t), result };
}

/** Whether the initialization of every object type finished by time t. */
export function structComplete(seed: number, facts: TaskFacts, t: number): boolean {
  const tl = timeline(seed, facts.id, facts.startedAt ?? Infinity);
  return t >= tl[tl.length - 1]!.end;
}

/** The objects of one type with their progress at time t (4.4.5), paged (per_page 0: all). */
export function structDetail(
  seed: number,
  facts: TaskFacts,
  type: string,
  t: number,
  curPage = 1,
  perPage = 5,
): { total_record: number; create_time: string; list: (StructObject & { progress: number })[] } {
  const objects = structObjects(seed, facts.id, type);
  const span = timeline(seed, facts.id, facts.startedAt ?? Infinity).find((s) => s.type === type);
  const withProgress = objects.map((o, i) => {
    let progress = 100;
    if (span) {
      const objStart = span.start + i * STRUCT_MS_PER_OBJECT;
      progress = Math.max(0, Math.min(100, Math.floor(((t - objStart) / STRUCT_MS_PER_OBJECT) * 100)));
    }
    return { progress, ...o };
  });
  const page = perPage === 0 ? withProgress : withProgress.slice((curPage - 1) * perPage, curPage * perPage);
  return { total_record: objects.length, create_time: String(t), list: page };
}
