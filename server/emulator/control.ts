/**
 * The control API under /__emulator/ (absent with --strict). JSON in, JSON out.
 *
 *   POST   /__emulator/reset            {}                      → forget all state; projects are seeded again
 *   POST   /__emulator/seed             {seed?, tasks?}         → re-seed every project with this seed / task count
 *   POST   /__emulator/clock/advance    {ms}                    → move the emulated clock forward
 *   POST   /__emulator/clock/speed      {speed}                 → emulated ms per real ms (0 freezes the clock)
 *   POST   /__emulator/clock/set        {ms}                    → set the emulated clock (ms since the epoch)
 *   GET    /__emulator/state                                    → {now, speed, seed, tasks, projects, faults, memory}
 *   POST   /__emulator/faults           {path, method?, latencyMs?, status5xxRate?, status5xx?, malformedJson?,
 *                                         resetConnection?, count?, untilMs?} → {id, ...}
 *   GET    /__emulator/faults                                   → {faults: [...]}
 *   DELETE /__emulator/faults                                   → remove every fault
 *   POST   /__emulator/tasks            {project_id, tasks: [{id?, status?, name?, db_use_type?, ...creation fields}]}
 *                                                              → adds tasks (given ids kept) placed in a status
 *                                                                (default CONFIGURATION) → {tasks: [{id, name, status}]}
 *   POST   /__emulator/outage           {ms?, forgetTokens?}    → the service is down (every DRS and IAM call loses
 *                                                                its connection) for `ms` of real time, or until
 *                                                                DELETE; a restart forgets issued tokens unless
 *                                                                forgetTokens is false → {outage}
 *   DELETE /__emulator/outage                                   → the service is back → {outage: null, ended}
 *   POST   /__emulator/tokens/expire    {}                      → every issued token becomes invalid
 *   POST   /__emulator/tokens/find      {haystack}              → {found, issued}: how many issued tokens occur in
 *                                                                the text (a leak check; never returns a token)
 * Errors: 400 {error: message}; unknown path 404.
 */
import type { EmulatorCore } from './core.ts';
import { validateFaultSpec, type Fault } from './faults.ts';
import { statusOf } from './lifecycle.ts';
import { createChildren } from './model.ts';
import { createRng } from './rng.ts';
import type { HandlerResponse } from './types.ts';
import { makeTask } from './world.ts';

const ok = (body: unknown): HandlerResponse => ({ status: 200, body });
const bad = (message: string): HandlerResponse => ({ status: 400, body: { error: message } });

function num(
  body: Record<string, unknown>,
  key: string,
  min: number,
  max: number,
  required = true,
): number | undefined {
  const v = body[key];
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
    throw new Error(`${key} must be a number in [${min}, ${max}]`);
  return v;
}

export async function handleControl(
  core: EmulatorCore,
  method: string,
  path: string,
  raw: Buffer,
): Promise<HandlerResponse> {
  let body: Record<string, unknown> = {};
  if (raw.length > 0) {
    try {
      const parsed = JSON.parse(raw.toString('utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed;
      else return bad('body must be a JSON object');
    } catch {
      return bad('body is not valid JSON');
    }
  }
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  try {
    switch (route) {
      case 'POST /__emulator/reset':
        core.store.reset();
        core.faults.clear();
        return ok(state(core));
      case 'POST /__emulator/seed': {
        const seed = num(body, 'seed', 0, 2 ** 32 - 1, false) ?? core.seed();
        const tasks = num(body, 'tasks', 0, 100_000, false) ?? core.taskCount();
        core.reseed(Math.floor(seed), Math.floor(tasks));
        return ok(state(core));
      }
      case 'POST /__emulator/clock/advance':
        core.clock.advance(num(body, 'ms', 0, 1e13)!);
        return ok(state(core));
      case 'POST /__emulator/clock/speed':
        core.clock.setSpeed(num(body, 'speed', 0, 1e6)!);
        return ok(state(core));
      case 'POST /__emulator/clock/set':
        core.clock.set(num(body, 'ms', 0, 8.64e15)!);
        return ok(state(core));
      case 'GET /__emulator/state':
        return ok(state(core));
      case 'POST /__emulator/faults': {
        const f = core.faults.add(validateFaultSpec(body));
        return ok(faultView(f));
      }
      case 'GET /__emulator/faults':
        return ok({ faults: core.faults.list(core.clock.now()).map(faultView) });
      case 'DELETE /__emulator/faults':
        core.faults.clear();
        return ok({ faults: [] });
      case 'POST /__emulator/tasks': {
        const projectId = typeof body.project_id === 'string' ? body.project_id : '';
        if (!/^[A-Za-z0-9_-]{1,64}$/.test(projectId)) return bad('project_id is required');
        if (!Array.isArray(body.tasks)) return bad('tasks must be an array');
        const project = core.store.project(projectId);
        const created = (body.tasks as Array<Record<string, unknown>>).map((spec) => {
          const t = makeTask(projectId, core.seed(), core.clock.now(), spec ?? {});
          project.tasks.set(t.id, t);
          // a dual-active DR task gets its forward/backward subtasks, as created by 4.1.1
          if (t.dbUseType === 'cloudDataGuard' && t.multiWrite) {
            const children = createChildren(t, createRng(`${core.seed()}|ctl-children|${t.id}`));
            t.childIds = children.map((c) => c.id);
            for (const c of children) project.tasks.set(c.id, c);
          }
          return { id: t.id, name: t.name, status: statusOf(t, core.clock.now()) };
        });
        core.store.markDirty(projectId);
        return ok({ tasks: created });
      }
      case 'POST /__emulator/outage': {
        const ms = num(body, 'ms', 1, 3_600_000, false);
        if (body.forgetTokens !== undefined && typeof body.forgetTokens !== 'boolean')
          return bad('forgetTokens must be a boolean');
        // a restarted service has lost the tokens it issued (no call can get a new one until it is back)
        const expired = body.forgetTokens === false ? 0 : core.tokens.expireAll();
        return ok({ outage: core.faults.startOutage(Date.now(), ms), expired });
      }
      case 'DELETE /__emulator/outage':
        return ok({ outage: null, ended: core.faults.endOutage() ?? null });
      case 'POST /__emulator/tokens/expire':
        return ok({ expired: core.tokens.expireAll() });
      case 'POST /__emulator/tokens/find': {
        // Leak check for tests: counts the issued tokens found in `haystack`; never returns a token.
        if (typeof body.haystack !== 'string') return bad('haystack must be a string');
        return ok({ found: core.tokens.countIn(body.haystack), issued: core.tokens.size });
      }
      default:
        return { status: 404, body: { error: `unknown control call ${route}` } };
    }
  } catch (e) {
    return bad(e instanceof Error ? e.message : String(e));
  }
}

function faultView(f: Fault) {
  const { regex: _regex, ...rest } = f;
  return rest;
}

function state(core: EmulatorCore) {
  return {
    now: core.clock.now(),
    speed: core.clock.speed(),
    seed: core.seed(),
    tasks: core.taskCount(),
    projects: core.store.projectIds().map((id) => ({ id, tasks: core.store.project(id).tasks.size })),
    faults: core.faults.list(core.clock.now()).map(faultView),
    outage: core.faults.outage(Date.now()) ?? null,
    memory: process.memoryUsage(),
  };
}
