import { describe, expect, it } from 'vitest';
import { createVersionedMemo } from './versioned-memo.js';

describe('versioned memo', () => {
  it('computes once per version and key, sharing a computation in flight', async () => {
    const memo = createVersionedMemo<number>();
    let runs = 0;
    const compute = async () => {
      runs += 1;
      await new Promise((r) => setTimeout(r, 5));
      return runs;
    };
    const [a, b] = await Promise.all([memo.get('1', 'k', compute), memo.get('1', 'k', compute)]);
    expect([a, b, runs]).toEqual([1, 1, 1]);
    expect(await memo.get('1', 'k', compute)).toBe(1);
    expect(await memo.get('2', 'k', compute)).toBe(2); // a new version
    expect(await memo.get('2', 'other', compute)).toBe(3); // another key
    expect(memo.computed).toBe(3);
  });

  it('forgets a failed computation', async () => {
    const memo = createVersionedMemo<string>();
    await expect(memo.get(1, 'k', () => Promise.reject(new Error('database gone')))).rejects.toThrow();
    expect(await memo.get(1, 'k', async () => 'ok')).toBe('ok');
    expect(memo.size).toBe(1);
  });

  it('keeps at most `limit` answers, the least recently used leaving first', async () => {
    const memo = createVersionedMemo<string>(2);
    await memo.get(1, 'a', async () => 'a');
    await memo.get(1, 'b', async () => 'b');
    await memo.get(1, 'a', async () => 'a again'); // a used last
    await memo.get(1, 'c', async () => 'c'); // b leaves
    expect(memo.size).toBe(2);
    expect(await memo.get(1, 'a', async () => 'recomputed')).toBe('a');
    expect(await memo.get(1, 'b', async () => 'recomputed')).toBe('recomputed');
  });

  it('without a version computes every time and keeps nothing', async () => {
    const memo = createVersionedMemo<number>();
    let runs = 0;
    const compute = async () => ++runs;
    expect(await memo.get(null, 'k', compute)).toBe(1);
    expect(await memo.get(null, 'k', compute)).toBe(2);
    expect(memo.size).toBe(0);
  });
});
