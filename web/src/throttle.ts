// A rate limit for work a fast stream of events would otherwise repeat (progress, events).

/** Calls at most once per `ms`, the last call always landing (leading and trailing). */
export function throttle<T>(ms: number, f: (x: T) => void): { call(x: T): void; cancel(): void } {
  let last = -Infinity;
  let pending: { x: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = (): void => {
    timer = undefined;
    if (pending === null) return;
    const { x } = pending;
    pending = null;
    last = Date.now();
    f(x);
  };
  return {
    call(x) {
      pending = { x };
      if (timer !== undefined) return;
      const wait = last + ms - Date.now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      pending = null;
    },
  };
}
