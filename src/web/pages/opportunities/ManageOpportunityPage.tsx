import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type OpportunityView,
  useOpportunity,
  useUpdateOpportunity,
  useUpdateShift,
} from '../../api/opportunities-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { RequireUser } from '../../components/RequireUser';
import { usePageTitle } from '../../components/usePageTitle';
import { DayTemplates } from './DayTemplates';
import { OpportunityForm } from './OpportunityForm';
import { OneOffShiftForm, SeriesForm } from './ShiftForms';

type Status = OpportunityView['status'];
const MOVES: Record<Status, Status[]> = {
  draft: ['published', 'cancelled'],
  published: ['draft', 'cancelled', 'completed'],
  cancelled: [],
  completed: [],
};

/** Editing an opportunity: its fields and status, one-off shifts and recurring series. */
export function ManageOpportunityPage() {
  const { t } = useTranslation();
  usePageTitle(t('opportunities.manage.title'));
  return <RequireUser title={t('opportunities.manage.title')}>{() => <Manage />}</RequireUser>;
}

function Manage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useOpportunity(id);
  const o = query.data?.opportunity;
  if (query.isPending) return <LoadingBlock />;
  if (!o?.canManage)
    return (
      <Stack>
        <Title order={1}>{t('opportunities.manage.title')}</Title>
        <ErrorAlert error={query.error ?? new Error('forbidden')} title={t('errors.loadFailed')} />
      </Stack>
    );
  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Title order={1}>{o.title}</Title>
        <Anchor component={Link} to={`/opportunities/${o.id}`}>
          {t('opportunities.manage.view')}
        </Anchor>
        <Anchor component={Link} to={`/centers/${o.center.id}/opportunities`}>
          {t('opportunities.manage.centerList')}
        </Anchor>
      </Stack>
      <StatusSection o={o} />
      <section aria-labelledby="manage-fields">
        <Title order={2} id="manage-fields" mb="sm">
          {t('opportunities.manage.fields')}
        </Title>
        <EditFields o={o} />
      </section>
      <ShiftsSection o={o} />
      <section aria-labelledby="manage-oneoff">
        <Title order={2} id="manage-oneoff" mb="sm">
          {t('opportunities.shiftForm.title')}
        </Title>
        <OneOffShiftForm opportunityId={o.id} />
      </section>
      <section aria-labelledby="manage-series">
        <Title order={2} id="manage-series" mb="sm">
          {t('opportunities.seriesForm.title')}
        </Title>
        <Text size="sm" mb="sm">
          {t('opportunities.seriesForm.lead')}
        </Text>
        <SeriesForm opportunityId={o.id} />
      </section>
      <DayTemplates opportunityId={o.id} centerId={o.center.id} />
    </Stack>
  );
}

function EditFields({ o }: { o: OpportunityView }) {
  const { t } = useTranslation();
  const update = useUpdateOpportunity();
  return (
    <OpportunityForm
      centerId={o.center.id}
      initial={o}
      submitLabel={t('opportunities.manage.save')}
      pending={update.isPending}
      error={update.error}
      onSubmit={(body) => update.mutate({ id: o.id, body })}
    />
  );
}

function StatusSection({ o }: { o: OpportunityView }) {
  const { t } = useTranslation();
  const update = useUpdateOpportunity();
  const moves = MOVES[o.status];
  return (
    <section aria-labelledby="manage-status">
      <Title order={2} id="manage-status" mb="sm">
        {t('opportunities.manage.status', { status: t(`opportunities.status.${o.status}`) })}
      </Title>
      <ErrorAlert error={update.error} />
      <Group gap="sm">
        {moves.map((to) => (
          <Button
            key={to}
            variant={to === 'published' ? 'filled' : 'default'}
            loading={update.isPending}
            onClick={() => update.mutate({ id: o.id, body: { status: to } })}
          >
            {t(`opportunities.move.${to}`)}
          </Button>
        ))}
      </Group>
    </section>
  );
}

function ShiftsSection({ o }: { o: OpportunityView }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateShift();
  return (
    <section aria-labelledby="manage-shifts">
      <Title order={2} id="manage-shifts" mb="sm">
        {t('opportunities.shifts.title')}
      </Title>
      <ErrorAlert error={update.error} />
      {o.shifts.length === 0 ? (
        <Text>{t('opportunities.shifts.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('opportunities.shifts.when')}</Table.Th>
                <Table.Th scope="col">{t('opportunities.shifts.places')}</Table.Th>
                <Table.Th scope="col">{t('opportunities.shifts.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.shifts.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    {formatDateTime(s.startsAt, i18n.language)}
                    {s.seriesId && ` · ${t('opportunities.shifts.recurring')}`}
                  </Table.Td>
                  <Table.Td>{t('opportunities.takenOf', { taken: s.taken, capacity: s.capacity })}</Table.Td>
                  <Table.Td>
                    {s.status === 'scheduled' ? (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        onClick={() =>
                          update.mutate({ id: o.id, shiftId: s.id, body: { status: 'cancelled' } })
                        }
                      >
                        {t('opportunities.shifts.cancel')}
                      </Button>
                    ) : (
                      t('opportunities.shifts.cancelled')
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
