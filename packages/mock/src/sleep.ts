// The simulator's injected latency as timers the mock can end: at close every pending wait resolves at
// once, so a latency fault never holds up a shutdown (or keeps a test process alive).
export interface CancellableSleep {
  sleep(ms: number): Promise<void>;
  cancelAll(): void;
}

export function createCancellableSleep(): CancellableSleep {
  const pending = new Map<NodeJS.Timeout, () => void>();
  let closed = false;
  return {
    sleep(ms) {
      if (closed) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(timer);
          resolve();
        }, ms);
        pending.set(timer, resolve);
      });
    },
    cancelAll() {
      closed = true;
      for (const [timer, resolve] of pending) {
        clearTimeout(timer);
        resolve();
      }
      pending.clear();
    },
  };
}
