/**
 * Entity tags of editable records and the `If-Match` precondition (RFC 9110 §8.8.3, §13.1.1). A record's
 * strong ETag is its `version` in quotes (`"3"`). Pure functions: the route helper parses the header, the
 * edit's service compares it with the version it locked (platform/db/versions.ts) — see ADR 0017.
 */
import { AppError } from '../errors.js';

/** `*` (any current record) or the opaque tags of the strong entity-tags listed (weak ones never match). */
export type IfMatch = '*' | readonly string[];

export const etagOf = (version: number): string => `"${version}"`;

// entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE ; etagc = %x21 / %x23-7E / obs-text; list members by commas.
const ENTITY_TAG = /[ \t]*(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"[ \t]*(?:,|$)/y;
const EMPTY_MEMBER = /[ \t]*,/y;

/**
 * The `If-Match` header: undefined when absent, `*`, or the strong tags listed. A malformed header is a
 * 400 problem (`if_match_invalid`): a client that sends one must learn that nothing was compared.
 */
export function parseIfMatch(header: string | string[] | undefined): IfMatch | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header.join(', ') : header;
  if (value.trim() === '*') return '*';
  const tags: string[] = [];
  let matched = 0;
  let position = 0;
  while (position < value.length) {
    EMPTY_MEMBER.lastIndex = position;
    if (EMPTY_MEMBER.exec(value)) {
      position = EMPTY_MEMBER.lastIndex;
      continue;
    }
    ENTITY_TAG.lastIndex = position;
    const match = ENTITY_TAG.exec(value);
    if (!match || ENTITY_TAG.lastIndex === position) throw ifMatchInvalid();
    matched += 1;
    if (!match[1]) tags.push(match[2] as string);
    position = ENTITY_TAG.lastIndex;
  }
  if (matched === 0) throw ifMatchInvalid();
  return tags;
}

/** Strong comparison: does `If-Match` allow an edit of the record at `version`? No header allows it. */
export function ifMatchAllows(ifMatch: IfMatch | undefined, version: number): boolean {
  if (ifMatch === undefined || ifMatch === '*') return true;
  return ifMatch.includes(String(version));
}

/** 412: the record is no longer at the version the client edited. The route sends the current ETag. */
export class EditConflict extends AppError {
  constructor(readonly currentVersion: number) {
    super(
      'edit_conflict',
      412,
      `Someone else changed this record (now version ${currentVersion}). Reload it and apply your changes again.`,
    );
    this.name = 'EditConflict';
  }
}

/** Throws `EditConflict` unless `If-Match` allows an edit of the record at `version`. */
export function requireMatch(ifMatch: IfMatch | undefined, version: number): void {
  if (!ifMatchAllows(ifMatch, version)) throw new EditConflict(version);
}

const ifMatchInvalid = () =>
  new AppError(
    'if_match_invalid',
    400,
    'If-Match must list entity tags in double quotes (e.g. "3") or be *.',
  );
