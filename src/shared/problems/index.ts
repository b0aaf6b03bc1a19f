/**
 * The one catalogue of problem codes, shared by the server (AppError, problem+json, validation) and the
 * web app (type-only: `ProblemCode` checks the codes it compares against; texts come from the server's
 * localised `detail`). Each area defines its codes in its own file; a code defined in two areas throws
 * here, when the module loads (and `problems.test.ts` names it).
 *
 * Adding a code: put it in the area's file with its status, ru and en texts, then throw it —
 * `new AppError('my_code')` takes the status and the English text from here.
 */
import type { Locale } from '../limits.js';
import { accountsProblems } from './accounts.js';
import { applicationsProblems } from './applications.js';
import { centersProblems } from './centers.js';
import { checkinProblems } from './checkin.js';
import { commonProblems } from './common.js';
import { fillPlaceholders, mergeProblemAreas, type ProblemText } from './define.js';
import { monitoringProblems } from './monitoring.js';
import { networkProblems } from './network.js';
import { opportunitiesProblems } from './opportunities.js';
import { organizationsProblems } from './organizations.js';
import { planProblems } from './plan.js';
import { platformProblems } from './platform.js';
import { signupsProblems } from './signups.js';
import { validationProblems } from './validation.js';
import { volunteersProblems } from './volunteers.js';

export type { ProblemText } from './define.js';

/** Every area's codes, by area. */
export const problemAreas = {
  platform: platformProblems,
  validation: validationProblems,
  common: commonProblems,
  accounts: accountsProblems,
  network: networkProblems,
  organizations: organizationsProblems,
  applications: applicationsProblems,
  centers: centersProblems,
  checkin: checkinProblems,
  monitoring: monitoringProblems,
  opportunities: opportunitiesProblems,
  plan: planProblems,
  signups: signupsProblems,
  volunteers: volunteersProblems,
};

type Areas = typeof problemAreas;
/** Every problem code the API can answer with (as `code` or as a field error's `code`). */
export type ProblemCode = { [A in keyof Areas]: keyof Areas[A] & string }[keyof Areas];

export const problems = mergeProblemAreas(problemAreas) as Record<ProblemCode, ProblemText>;

export function isProblemCode(code: string): code is ProblemCode {
  return Object.hasOwn(problems, code);
}

/** The code's text in the locale, placeholders filled from `params`. */
export function problemText(
  code: ProblemCode,
  locale: Locale,
  params?: Record<string, string | number>,
): string {
  return fillPlaceholders(problems[code][locale], params);
}
