/**
 * The catalogue of problem codes: each code defined once, with both texts and the same placeholders,
 * and every code the server can send (scanned from its source) present in it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defineProblems, duplicateCodes, mergeProblemAreas } from './define.js';
import { isProblemCode, problemAreas, problems, problemText } from './index.js';

const SERVER_DIR = fileURLToPath(new URL('../../server', import.meta.url));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/**
 * Codes written as literals where the server raises a problem: `new AppError('x'`, `invalid('x'`,
 * `conflict('x'`, `new RetryLaterError('x'`, `problem(request, 403, 'x'`, issue helpers
 * (`issue(field, 'x'`, `fileIssue('x'`), and field issues `{ field, code: 'x', message }`.
 */
function thrownCodes(source: string): string[] {
  const patterns = [
    /\bnew (?:AppError|RetryLaterError)\(\s*'(\w+)'/g,
    /\b(?:invalid|conflict)\(\s*'(\w+)'/g,
    /\bproblem\(\s*request,\s*\d+,\s*'(\w+)'/g,
    // issue helpers take (code, message) or (field, code, message); a message is a sentence
    /\b\w*[iI]ssue\(\s*(?:'[\w.]+',\s*|[^'"\s,()][^,()]*,\s*)?'([a-z][a-z0-9_]*)'\s*[,)]/g,
    /\{[^{}]*\bfield:[^{}]*\bcode:\s*'(\w+)'[^{}]*\}/g,
    /\{[^{}]*\bcode:\s*'(\w+)'[^{}]*\bfield:[^{}]*\}/g,
  ];
  return [...new Set(patterns.flatMap((re) => [...source.matchAll(re)].map((m) => m[1] as string)))];
}

describe('problem catalogue', () => {
  it('defines every code once', () => {
    expect(duplicateCodes(problemAreas)).toEqual([]);
    const total = Object.values(problemAreas).reduce((n, area) => n + Object.keys(area).length, 0);
    expect(Object.keys(problems)).toHaveLength(total);
  });

  it('refuses a code defined in two areas, naming both', () => {
    const a = defineProblems({
      comment_required: { status: 400, ru: 'Напишите комментарий.', en: 'Write.' },
    });
    const b = defineProblems({ comment_required: { status: 400, ru: 'Укажите причину.', en: 'Say why.' } });
    expect(duplicateCodes({ applications: a, plan: b })).toEqual(['comment_required (applications, plan)']);
    expect(() => mergeProblemAreas({ applications: a, plan: b })).toThrow(/comment_required/);
  });

  it('gives every code a status, both texts and the same placeholders in each', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [code, text] of Object.entries(problems)) {
      expect(code, code).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(text.status, code).toBeGreaterThanOrEqual(400);
      expect(text.status, code).toBeLessThan(600);
      expect(text.ru.trim(), code).not.toBe('');
      expect(text.en.trim(), code).not.toBe('');
      expect(text.ru, `${code} has a Russian text`).toMatch(/[а-яё]/i);
      expect(placeholders(text.ru), code).toEqual(placeholders(text.en));
    }
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(problemText('too_long', 'ru', { limit: 40 })).toBe('Не длиннее 40 символов.');
    expect(problemText('too_long', 'en')).toBe('At most {limit} characters.');
  });

  it('the scanner finds codes in every form the server raises them', () => {
    const sample = `
      throw new AppError('a_code', 413, 'x', fileIssue('b_code', 'At most 5 MB.'));
      throw invalid('c_code', 'x', [{ field: 'comment', code: 'd_code', message: 'x' }]);
      throw conflict(
        'e_code', 'x');
      issues.push(issue(\`successor.\${f}\`, 'f_code', 'Fill in.'));
      issues.push(issue('successor', 'i_code', 'Name the successor.'));
      problem(request, 403, 'g_code', detail);
      throw new RetryLaterError('h_code', 'x', 5);
      const kinds = [{ code: 'not_a_problem', nameRu: 'x' }];`;
    expect(thrownCodes(sample).sort()).toEqual(
      ['a_code', 'b_code', 'c_code', 'd_code', 'e_code', 'f_code', 'g_code', 'h_code', 'i_code'].sort(),
    );
  });

  it('holds every code the server source raises', () => {
    const missing: string[] = [];
    let found = 0;
    for (const file of sourceFiles(SERVER_DIR)) {
      for (const code of thrownCodes(fs.readFileSync(file, 'utf8'))) {
        found++;
        if (!isProblemCode(code)) missing.push(`${code} (${path.relative(SERVER_DIR, file)})`);
      }
    }
    expect(missing).toEqual([]);
    expect(found).toBeGreaterThan(150);
  });

  it('has one meaning per code: a returned document is not a plan change', () => {
    expect(problemText('return_comment_required', 'ru')).toBe('Напишите, что исправить в документе.');
    expect(problemText('plan_reason_required', 'ru')).toBe('Укажите причину изменения плана.');
    expect(problemText('comment_required', 'ru')).toBe('Напишите комментарий.');
  });
});
