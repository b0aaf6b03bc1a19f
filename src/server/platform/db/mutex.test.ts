import { describe, expect, it } from 'vitest';
import { Mutex } from './mutex.js';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // synchronous work, as a PGlite statement is
  }
};

describe('the PGlite mutex', () => {
  it('serves holders one at a time, in the order they asked', async () => {
    const mutex = new Mutex();
    const order: number[] = [];
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        mutex.run(async () => {
          inside += 1;
          most = Math.max(most, inside);
          await Promise.resolve();
          order.push(i);
          inside -= 1;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('lets the event loop run between turns, so a long queue does not starve new requests', async () => {
    const mutex = new Mutex();
    let done = 0;
    const queue = Array.from({ length: 50 }, () =>
      mutex.run(async () => {
        busy(1);
        done += 1;
      }),
    );
    // what the loop would do next (read a socket): it must not wait for the whole queue
    const seenAfter = await new Promise<number>((resolve) => setImmediate(() => resolve(done)));
    await Promise.all(queue);
    expect(done).toBe(50);
    expect(seenAfter).toBeLessThan(5);
  });

  it('a holder that throws releases the lock', async () => {
    const mutex = new Mutex();
    await expect(mutex.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await mutex.run(async () => 'next')).toBe('next');
  });
});
