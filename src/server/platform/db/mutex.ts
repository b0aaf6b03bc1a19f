/**
 * A FIFO async mutex: PGlite has one connection, so queries and transactions must take turns.
 *
 * Each turn starts from `setImmediate`, not straight from the previous holder's release. PGlite runs its
 * statements synchronously on this thread; handed on in the same microtask chain, a queue of 50 requests
 * ran to its end before the event loop could read a socket again, and new connections waited behind many
 * such rounds (`npm run bench` on PGlite: a p99 of 3–7 s while the median was 0.25 s). Yielding once per
 * turn lets the loop accept and read new requests, which then queue in arrival order.
 */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();

  /** Waits for the lock and returns the function that releases it. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ready = this.#tail.then(() => new Promise<() => void>((turn) => setImmediate(() => turn(release))));
    this.#tail = this.#tail.then(() => next);
    return ready;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
