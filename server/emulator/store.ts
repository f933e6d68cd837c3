/**
 * Per-project state: each project id is its own world (seeded on first use), and with `dataDir` the state is
 * persisted as one JSON file per project, written atomically (temp file + rename).
 *
 * A task's status is never stored: `task.lifecycle` records the last action and when it happened, and
 * lifecycle.ts derives status, progress and delays from (task, now).
 */
import fs from 'node:fs';
import path from 'node:path';

export type DbUseType = 'migration' | 'sync' | 'cloudDataGuard';

/** What the last action put the task into; the visible status is derived from it (lifecycle.ts). */
export type Phase =
  | 'creating' // CREATING → CONFIGURATION (or CREATE_FAILED) after CREATE_MS
  | 'configuration' // CONFIGURATION
  | 'starting' // WAITING_FOR_START (until scheduledAt) → STARTJOBING → transfer statuses
  | 'running' // transfer statuses, from `since`
  | 'paused' // PAUSING
  | 'failed' // failedStatus (START_JOB_FAILED, FULL_TRANSFER_FAILED, INCRE_TRANSFER_FAILED, ...)
  | 'releasing' // RELEASE_RESOURCE_STARTED → RELEASE_RESOURCE_COMPLETE after RELEASE_MS (or RELEASE_RESOURCE_FAILED)
  | 'released' // RELEASE_RESOURCE_COMPLETE
  | 'deleted'; // DELETED (a tombstone: not listed, detail answers DRS.M05004)

export interface LifecycleRecord {
  phase: Phase;
  /** Emulated ms at which the phase began. */
  since: number;
  /** 'creating': the creation fails (CREATE_FAILED). */
  createFails?: boolean;
  /** 'starting': scheduled start (start_time), emulated ms. */
  scheduledAt?: number;
  /** Transfer time (ms) accumulated before the current running stretch (pauses keep it). */
  transferredMs: number;
  /** Duration of the full transfer phase (ms of transfer time). */
  fullMs: number;
  /** Transfer time (ms) at which the task fails, if it will. */
  failAtMs?: number;
  /** 'failed': the failed status shown. */
  failedStatus?: string;
  /** Error code / message shown while failed. */
  errorCode?: string;
  errorMessage?: string;
  /** 'paused': pause_mode used. */
  pauseMode?: string;
  /** 'releasing': the release ends in RELEASE_RESOURCE_FAILED. */
  releaseFails?: boolean;
  /** Emulated ms at which the task first started transferring (actual_start_time). */
  actualStartAt?: number;
}

export interface Tag {
  key: string;
  value: string;
}

export interface SpeedLimitRange {
  begin: string;
  end: string;
  speed: string;
}

export interface TaskRecord {
  id: string;
  name: string;
  dbUseType: DbUseType;
  engineType: string;
  /** Current direction; a DR switchover swaps up ⇄ down. */
  jobDirection: string;
  originalJobDirection: string;
  netType: string;
  nodeType: string;
  nodeNum: number;
  taskType: string;
  description: string;
  multiWrite: boolean;
  isTargetReadonly: boolean;
  tags: Tag[];
  /** Creation time, emulated ms. */
  createTime: number;
  updateTime: number;
  parentId?: string;
  childIds?: string[];
  /** Endpoints as sent (passwords included; never returned). */
  sourceEndpoint: Record<string, unknown>;
  targetEndpoint: Record<string, unknown>;
  /** Other creation fields as sent (customize_sutnet_id, bind_eip, expired_days, public_ip_list, ...). */
  spec: Record<string, unknown>;
  /** Fields set by batch-modification, sync policy, transformation, definers, users... */
  config: Record<string, unknown>;
  /** Selected objects (batch-select-objects item), if any. */
  objects?: Record<string, unknown>;
  speedLimit: SpeedLimitRange[];
  /** DR: number of switchovers done (odd: roles swapped compared with creation). */
  switchovers: number;
  lifecycle: LifecycleRecord;
  /** Free per-task state for handler modules (precheck, params, comparison, dr): JSON-serialisable. */
  ext: Record<string, unknown>;
}

export interface ProjectState {
  id: string;
  tasks: Map<string, TaskRecord>;
  /** Free per-project state for handler modules: JSON-serialisable. */
  ext: Record<string, unknown>;
}

export interface StoreOptions {
  dataDir?: string;
  /** Builds the initial state of a project not seen before (the seeded world). */
  seedProject: (projectId: string) => ProjectState;
}

interface ProjectFile {
  version: 1;
  id: string;
  tasks: TaskRecord[];
  ext: Record<string, unknown>;
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export class Store {
  private projects = new Map<string, ProjectState>();
  private dirty = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: StoreOptions) {
    if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  }

  project(projectId: string): ProjectState {
    let p = this.projects.get(projectId);
    if (!p) {
      p = this.load(projectId) ?? this.options.seedProject(projectId);
      this.projects.set(projectId, p);
      if (this.options.dataDir) this.markDirty(projectId);
    }
    return p;
  }

  /** Project ids that have state in memory. */
  projectIds(): string[] {
    return [...this.projects.keys()];
  }

  /** Forgets every project (and its files); they are seeded again on next use. */
  reset(): void {
    this.projects.clear();
    this.dirty.clear();
    const dir = this.options.dataDir;
    if (dir) {
      for (const f of fs.readdirSync(dir))
        if (/^project-.*\.json$/.test(f)) fs.rmSync(path.join(dir, f), { force: true });
    }
  }

  markDirty(projectId: string): void {
    if (!this.options.dataDir) return;
    this.dirty.add(projectId);
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.flush();
      }, 200);
      this.timer.unref();
    }
  }

  /** Writes every changed project now (atomic: temp file + rename). */
  flush(): void {
    const dir = this.options.dataDir;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (!dir) return;
    for (const id of this.dirty) {
      const p = this.projects.get(id);
      if (!p || !SAFE_ID.test(id)) continue;
      const file: ProjectFile = { version: 1, id, tasks: [...p.tasks.values()], ext: p.ext };
      const target = path.join(dir, `project-${id}.json`);
      const tmp = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(file));
      fs.renameSync(tmp, target);
    }
    this.dirty.clear();
  }

  private load(projectId: string): ProjectState | undefined {
    const dir = this.options.dataDir;
    if (!dir || !SAFE_ID.test(projectId)) return undefined;
    const file = path.join(dir, `project-${projectId}.json`);
    if (!fs.existsSync(file)) return undefined;
    try {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as ProjectFile;
      return { id: projectId, tasks: new Map(data.tasks.map((t) => [t.id, t])), ext: data.ext ?? {} };
    } catch {
      return undefined; // a damaged file: start from the seeded world again
    }
  }
}
