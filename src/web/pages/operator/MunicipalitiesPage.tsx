import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMunicipalChanges } from '../../api/operator-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { isRegionalOperator, RequireRole } from '../../components/RequireRole';
import { usePageTitle } from '../../components/usePageTitle';
import { MunicipalChangeForm } from './MunicipalChangeForm';
import { MunicipalChangesTable } from './MunicipalChangesTable';

/** /operator/municipalities: municipalities over time — the recorded changes and a form to record one. */
export function MunicipalitiesPage() {
  const { t } = useTranslation();
  const title = t('operator.changes.title');
  usePageTitle(title);
  return (
    <RequireRole title={title} allow={isRegionalOperator}>
      {() => <Municipalities />}
    </RequireRole>
  );
}

function Municipalities() {
  const { t } = useTranslation();
  const changes = useMunicipalChanges();
  return (
    <Stack gap="lg" data-testid="municipalities-page">
      <Anchor component={Link} to="/operator">
        {t('operator.backToHub')}
      </Anchor>
      <Stack gap="sm" maw={760}>
        <Title order={1}>{t('operator.changes.title')}</Title>
        <Text>{t('operator.changes.lead')}</Text>
      </Stack>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('operator.changes.listTitle')}
        </Title>
        <ErrorAlert error={changes.error} title={t('errors.loadFailed')} />
        {changes.isPending && <LoadingBlock />}
        {changes.data &&
          (changes.data.items.length === 0 ? (
            <Text data-testid="municipal-changes-empty">{t('operator.changes.empty')}</Text>
          ) : (
            <MunicipalChangesTable items={changes.data.items} />
          ))}
      </Stack>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('operator.changes.formTitle')}
        </Title>
        <MunicipalChangeForm />
      </Stack>
    </Stack>
  );
}
