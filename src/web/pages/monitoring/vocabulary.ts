import type { TFunction } from 'i18next';
import type { WorkLogEntry } from '../../api/monitoring-queries';
import type { User } from '../../api/queries';
import { formatDate } from '../../components/format';

/** The work-log kinds and consultation audiences (as in the shared contract, checked by the compiler). */
export const KINDS = [
  'consultation',
  'training',
  'coworking',
  'help_desk',
  'event',
  'publication',
] as const satisfies readonly WorkLogEntry['kind'][];
export type Kind = (typeof KINDS)[number];
export const AUDIENCES = ['volunteers', 'activists', 'ngos'] as const satisfies readonly NonNullable<
  WorkLogEntry['audience']
>[];
export type Audience = (typeof AUDIENCES)[number];

export const isKind = (v: string): v is Kind => (KINDS as readonly string[]).includes(v);
export const isAudience = (v: string): v is Audience => (AUDIENCES as readonly string[]).includes(v);

/** Which kinds feed each computed indicator (see the server's monitoring.scoring.ts). */
export const METHOD_KINDS: Record<string, readonly Kind[]> = {
  infrastructure: ['coworking', 'event'],
  services: ['consultation', 'training', 'help_desk'],
  information: ['publication'],
};

export const kindLabel = (t: TFunction, kind: string) => t(`monitoring.kinds.${kind as Kind}`);

export const periodLabel = (t: TFunction, round: { year: number; half: number }) =>
  t('monitoring.rounds.period', { year: round.year, half: round.half });

export const periodDates = (t: TFunction, round: { periodStart: string; periodEnd: string }, lng: string) =>
  t('monitoring.round.periodDates', {
    from: formatDate(round.periodStart, lng),
    to: formatDate(round.periodEnd, lng),
  });

export const isOperator = (user: User) => user.roles.some((r) => r.role === 'regional_admin');

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Scores are shown with at most one decimal, in the UI language's format. */
export function formatScore(value: number | null, lng: string): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(lng === 'en' ? 'en-GB' : 'ru-RU', { maximumFractionDigits: 2 }).format(value);
}
