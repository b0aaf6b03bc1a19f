import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MySignup } from '../../api/signups-queries';

type Status = MySignup['status'];

/** The theme's status shades that keep white badge text at AA contrast (see theme.ts). */
const COLOR: Record<Status, string> = {
  applied: 'warn.8',
  confirmed: 'ok.8',
  waitlisted: 'gray.7',
  offered: 'blue.8',
  attended: 'ok.8',
  no_show: 'red.9',
  cancelled: 'gray.7',
};

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant="filled" radius="sm" tt="none" data-testid="signup-status">
      {t(`signups.status.${status}`)}
    </Badge>
  );
}

const SYSTEM = ['offer_passed', 'offer_expired', 'swapped', 'shift_cancelled', 'consent_withdrawn'] as const;

/** A reason as written, or the text of a reason the system recorded as a code. */
export function useReasonText() {
  const { t } = useTranslation();
  return (reason: string) =>
    (SYSTEM as readonly string[]).includes(reason)
      ? t(`signups.systemReason.${reason as (typeof SYSTEM)[number]}`)
      : reason;
}
