/**
 * Injectable emulated clock. Emulated time runs `speed` times as fast as real time from the moment of the last
 * change; it can be set or advanced at any time (control API: clock/advance, clock/speed).
 */
export interface Clock {
  /** Emulated ms since the epoch. */
  now(): number;
  speed(): number;
  setSpeed(speed: number): void;
  advance(ms: number): void;
  set(ms: number): void;
}

export function createClock(options: { speed?: number; start?: number; realNow?: () => number } = {}): Clock {
  const realNow = options.realNow ?? (() => Date.now());
  let speed = options.speed ?? 1;
  let baseReal = realNow();
  let baseEmu = options.start ?? baseReal;
  const now = () => baseEmu + (realNow() - baseReal) * speed;
  const rebase = () => {
    baseEmu = now();
    baseReal = realNow();
  };
  return {
    now: () => Math.floor(now()),
    speed: () => speed,
    setSpeed(s) {
      if (!Number.isFinite(s) || s < 0) throw new RangeError('speed must be a finite number >= 0');
      rebase();
      speed = s;
    },
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('ms must be a finite number >= 0');
      rebase();
      baseEmu += ms;
    },
    set(ms) {
      baseReal = realNow();
      baseEmu = ms;
    },
  };
}
