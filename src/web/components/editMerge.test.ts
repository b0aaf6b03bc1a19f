import { describe, expect, it } from 'vitest';
import { changedFields, mergeEdits } from './editMerge.js';

describe('what an edit form sends and keeps', () => {
  const base = { phone: '1', hours: 'Пн–Пт', services: ['a'], note: null as string | null };

  it('sends only the fields the user changed since the form opened (arrays and nulls compared by value)', () => {
    expect(changedFields(base, { ...base })).toEqual({});
    expect(changedFields(base, { ...base, phone: '2', services: ['a'] })).toEqual({ phone: '2' });
    expect(changedFields(base, { ...base, services: ['a', 'b'], note: 'x' })).toEqual({
      services: ['a', 'b'],
      note: 'x',
    });
  });

  it('after reloading, the user keeps their changes and sees the others’ where they changed nothing', () => {
    const mine = { ...base, phone: '2' };
    const theirs = { ...base, hours: 'Сб', services: ['b'] };
    expect(mergeEdits(base, mine, theirs)).toEqual({ phone: '2', hours: 'Сб', services: ['b'], note: null });
    // Both changed the same field: the user's input stays (they are told, and decide on saving).
    expect(mergeEdits(base, { ...base, hours: 'Вс' }, theirs).hours).toBe('Вс');
  });
});
