import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMyConsents } from '../../api/volunteers-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { RequireUser } from '../../components/RequireUser';
import { usePageTitle } from '../../components/usePageTitle';
import { ConsentCard } from './ConsentCard';
import { EligibilityNotice } from './EligibilityNotice';

/** /volunteer/consents: each purpose as its own document; the guardian's consent only for minors. */
export function ConsentsPage() {
  const { t } = useTranslation();
  const title = t('volunteers.consents.title');
  usePageTitle(title);
  return <RequireUser title={title}>{() => <Consents title={title} />}</RequireUser>;
}

function Consents({ title }: { title: string }) {
  const { t } = useTranslation();
  const consents = useMyConsents();
  if (consents.isPending) return <LoadingBlock />;
  if (consents.isError) {
    return (
      <Stack>
        <Title order={1}>{title}</Title>
        <ErrorAlert error={consents.error} title={t('volunteers.consents.cannotLoad')} />
      </Stack>
    );
  }
  const { items, isMinor, eligibility } = consents.data;
  const shown = items.filter((i) => i.purpose !== 'guardian_consent' || isMinor || i.given);
  return (
    <Stack gap="lg" maw={820}>
      <Title order={1}>{title}</Title>
      <Text>{t('volunteers.consents.intro')}</Text>
      <EligibilityNotice eligibility={eligibility} />
      {isMinor && (
        <Alert color="blue" title={t('volunteers.consents.guardianTitle')}>
          {t('volunteers.consents.guardianIntro')}
        </Alert>
      )}
      {shown.map((item) => (
        <ConsentCard key={item.purpose} item={item} />
      ))}
    </Stack>
  );
}
