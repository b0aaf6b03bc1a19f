import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type Stage, useStages } from '../../api/applications-queries';
import { localName } from '../../components/format';

/** Stages the web knows by name even before the server's list has loaded (or when it cannot). */
const KNOWN = [
  'draft',
  'submitted',
  'interview_and_documents',
  'acceleration',
  'licence_agreement',
  'preparation',
  'opened',
  'changes_requested',
  'rejected',
  'withdrawn',
] as const;

/** A stage's name in the UI language: the operator's configured name, else the built-in one, else its code. */
export function useStageName(): (code: string) => string {
  const { t, i18n } = useTranslation();
  const stages = useStages(true);
  const items = stages.data?.items;
  return useCallback(
    (code: string) => {
      const stage = items?.find((s) => s.code === code);
      if (stage) return localName(stage, i18n.language);
      return (KNOWN as readonly string[]).includes(code)
        ? t(`applications.stages.${code as (typeof KNOWN)[number]}`)
        : code;
    },
    [items, t, i18n.language],
  );
}

/** Stages of the path in order (draft → … → opened), active ones only. */
export function pathStages(items: readonly Stage[] | undefined): Stage[] {
  return (items ?? [])
    .filter((s) => s.active && s.kind !== 'off_path')
    .sort((a, b) => a.position - b.position);
}

/** Colours with enough contrast for white badge text (WCAG AA). */
export function stageColor(code: string): string {
  switch (code) {
    case 'opened':
      return 'ok.8';
    case 'rejected':
    case 'withdrawn':
      return 'gray.8';
    case 'changes_requested':
      return 'warn.8';
    case 'draft':
      return 'gray.7';
    default:
      return 'blue.8';
  }
}
