import { Alert, Anchor, List, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OwnProfile } from '../../api/volunteers-queries';

type MissingCode =
  | 'profile_incomplete'
  | 'below_volunteer_age'
  | 'consent_missing'
  | 'consent_outdated'
  | 'guardian_consent_missing';
const KNOWN: readonly string[] = [
  'profile_incomplete',
  'below_volunteer_age',
  'consent_missing',
  'consent_outdated',
  'guardian_consent_missing',
];

/** Whether the volunteer may sign up for shifts, and what is left to do. */
export function EligibilityNotice({
  eligibility,
  withLink,
}: {
  eligibility: OwnProfile['eligibility'];
  withLink?: boolean;
}) {
  const { t } = useTranslation();
  if (eligibility.canVolunteer) {
    return (
      <Alert color="ok" role="status">
        {t('volunteers.profile.eligible')}
      </Alert>
    );
  }
  const missing = eligibility.missing.filter((m): m is MissingCode => KNOWN.includes(m));
  return (
    <Stack gap="xs">
      <Alert color="warn" title={t('volunteers.profile.notEligible')}>
        <List size="sm">
          {missing.map((m) => (
            <List.Item key={m}>{t(`volunteers.missing.${m}`)}</List.Item>
          ))}
        </List>
      </Alert>
      {withLink && (
        <Anchor component={Link} to="/volunteer/consents">
          {t('volunteers.profile.consentsLink')}
        </Anchor>
      )}
    </Stack>
  );
}
