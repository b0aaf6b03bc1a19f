import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useCenterOpportunities, useCreateOpportunity } from '../../api/opportunities-queries';
import { CoordinatorPage } from '../../components/CoordinatorPage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { OpportunityForm } from './OpportunityForm';

/** A centre's opportunities in every status, and a form for a new one (its coordinators, the operator). */
export function CenterOpportunitiesPage() {
  const { t } = useTranslation();
  return (
    <CoordinatorPage title={t('opportunities.center.title')}>{() => <CenterOpportunities />}</CoordinatorPage>
  );
}

function CenterOpportunities() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const list = useCenterOpportunities(id);
  const create = useCreateOpportunity();

  return (
    <Stack gap="lg">
      <Title order={1}>{t('opportunities.center.title')}</Title>
      <ErrorAlert error={list.error} title={t('errors.loadFailed')} />
      {list.isPending ? (
        <LoadingBlock />
      ) : list.data && list.data.items.length === 0 ? (
        <Text>{t('opportunities.center.none')}</Text>
      ) : (
        list.data && (
          <Table.ScrollContainer minWidth={480}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('opportunities.form.title')}</Table.Th>
                  <Table.Th scope="col">{t('opportunities.center.status')}</Table.Th>
                  <Table.Th scope="col">{t('opportunities.center.next')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/opportunities/${o.id}/manage`}>
                        {o.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light">{t(`opportunities.status.${o.status}`)}</Badge>
                    </Table.Td>
                    <Table.Td>{o.nextShiftAt ? formatDateTime(o.nextShiftAt, i18n.language) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )
      )}
      <section aria-labelledby="new-opportunity">
        <Title order={2} id="new-opportunity" mb="sm">
          {t('opportunities.center.new')}
        </Title>
        <OpportunityForm
          centerId={id}
          submitLabel={t('opportunities.center.create')}
          pending={create.isPending}
          error={create.error}
          onSubmit={(body) =>
            create.mutate(
              { centerId: id, body },
              { onSuccess: ({ opportunity }) => navigate(`/opportunities/${opportunity.id}/manage`) },
            )
          }
        />
      </section>
    </Stack>
  );
}
