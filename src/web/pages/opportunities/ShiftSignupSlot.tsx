import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OpportunityView, ShiftView } from '../../api/opportunities-queries';
import { formatDateTime } from '../../components/format';
import { ShiftSignupButton } from '../signups/ShiftSignupButton';
import { TeamSignupButton } from '../signups/TeamSignupButton';

/** The signup button of one shift: only for a published opportunity's scheduled, upcoming shift. */
export function ShiftSignupSlot({ opportunity, shift }: { opportunity: OpportunityView; shift: ShiftView }) {
  const { t, i18n } = useTranslation();
  if (opportunity.status !== 'published' || shift.status !== 'scheduled') return null;
  if (new Date(shift.startsAt).getTime() <= Date.now()) return null;
  const when = formatDateTime(shift.startsAt, i18n.language);
  return (
    <Group align="flex-start" gap="sm" wrap="wrap">
      <ShiftSignupButton shiftId={shift.id} label={t('signups.button.signUpFor', { when })} />
      <TeamSignupButton shiftId={shift.id} roles={shift.roles} label={t('signups.team.openFor', { when })} />
    </Group>
  );
}
