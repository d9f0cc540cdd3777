/** The time, handed to whoever needs it; tests pass a fixed or stepping clock. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock for tests: starts at `start` and moves only when told. */
export function manualClock(start: Date): Clock & { set(at: Date): void; advance(ms: number): void } {
  let now = start.getTime();
  const clock = (() => new Date(now)) as Clock & { set(at: Date): void; advance(ms: number): void };
  clock.set = (at) => { now = at.getTime(); };
  clock.advance = (ms) => { now += ms; };
  return clock;
}
