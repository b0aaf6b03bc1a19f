/**
 * Answers computed from data that carries a version (ADR 0020): an answer is kept under the version it was
 * asked at and its key, and reused while the version read from the database is the same. The version moves
 * in the transaction that changes the data, so an answer kept under version V was computed from data at
 * least as new as V, and a change made by any instance is seen by the next request of every instance.
 *
 * One computation per (version, key) at a time: concurrent askers share its promise. A failed computation
 * is forgotten. At most `limit` answers are kept, the least recently used leaving first.
 */
export function createVersionedMemo<T>(limit = 16) {
  const answers = new Map<string, Promise<T>>();
  let computed = 0;

  /** The answer kept for (version, key), computed now if there is none; no version: computed, not kept. */
  function get(version: string | number | null, key: string, compute: () => Promise<T>): Promise<T> {
    if (version === null) return compute();
    const id = `${version}\u0000${key}`;
    const kept = answers.get(id);
    if (kept) {
      answers.delete(id);
      answers.set(id, kept);
      return kept;
    }
    computed += 1;
    const answer = compute();
    answers.set(id, answer);
    answer.catch(() => {
      if (answers.get(id) === answer) answers.delete(id);
    });
    while (answers.size > limit) answers.delete(answers.keys().next().value as string);
    return answer;
  }

  return {
    get,
    /** How many answers were computed (not reused) so far: for tests. */
    get computed() {
      return computed;
    },
    get size() {
      return answers.size;
    },
  };
}
export type VersionedMemo<T> = ReturnType<typeof createVersionedMemo<T>>;
