import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { EditConflict, etagOf, ifMatchAllows, parseIfMatch, requireMatch } from './etag.js';

describe('If-Match (RFC 9110)', () => {
  it('parses *, one tag, a list with spaces and empty members; weak tags are kept out', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch(' * ')).toBe('*');
    expect(parseIfMatch('"3"')).toEqual(['3']);
    expect(parseIfMatch('"1", "2" ,,"x-y"')).toEqual(['1', '2', 'x-y']);
    expect(parseIfMatch('W/"3", "4"')).toEqual(['4']);
    expect(parseIfMatch(['"5"', '"6"'])).toEqual(['5', '6']);
  });

  it.each(['3', '"3', '"3" "4"', '', ',', 'W/3', '"a"b"'])('refuses the malformed %j with 400', (value) => {
    const attempt = () => parseIfMatch(value);
    expect(attempt).toThrow(AppError);
    try {
      attempt();
    } catch (error) {
      expect((error as AppError).status).toBe(400);
      expect((error as AppError).code).toBe('if_match_invalid');
    }
  });

  it('compares strongly: the exact version, or *, or no header at all', () => {
    expect(ifMatchAllows(undefined, 7)).toBe(true);
    expect(ifMatchAllows('*', 7)).toBe(true);
    expect(ifMatchAllows(['6', '7'], 7)).toBe(true);
    expect(ifMatchAllows(['6'], 7)).toBe(false);
    expect(ifMatchAllows(parseIfMatch('W/"7"'), 7)).toBe(false);
    expect(ifMatchAllows(['07'], 7)).toBe(false);
  });

  it('a mismatch is a 412 edit_conflict that carries the current version', () => {
    expect(etagOf(12)).toBe('"12"');
    expect(() => requireMatch(['1'], 1)).not.toThrow();
    try {
      requireMatch(['1'], 2);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EditConflict);
      expect((error as EditConflict).status).toBe(412);
      expect((error as EditConflict).code).toBe('edit_conflict');
      expect((error as EditConflict).currentVersion).toBe(2);
    }
  });
});
