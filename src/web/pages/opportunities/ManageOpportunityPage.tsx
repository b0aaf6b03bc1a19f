import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type OpportunityView,
  opportunityKeys,
  useOpportunity,
  useUpdateOpportunity,
  useUpdateShift,
} from '../../api/opportunities-queries';
import {
  changedFields,
  EditConflictAlert,
  useEditVersion,
  withoutConflict,
} from '../../components/EditConflict';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { RequireUser } from '../../components/RequireUser';
import { usePageTitle } from '../../components/usePageTitle';
import { DayTemplates } from './DayTemplates';
import { OpportunityForm } from './OpportunityForm';
import { SeriesSection } from './SeriesSection';
import { OneOffShiftForm } from './ShiftForms';

type Status = OpportunityView['status'];
const MOVES: Record<Status, Status[]> = {
  draft: ['published', 'cancelled'],
  published: ['draft', 'cancelled', 'completed'],
  cancelled: [],
  completed: [],
};

/** Editing an opportunity: its fields and status, one-off shifts, recurring series (new and changed). */
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
      <SeriesSection o={o} />
      <DayTemplates opportunityId={o.id} centerId={o.center.id} />
    </Stack>
  );
}

/** The body the form sends for an opportunity left as it is (what «changed» is measured against). */
const bodyOf = (o: OpportunityView) => ({
  title: o.title,
  description: o.description,
  category: o.category?.code ?? null,
  projectTags: o.projectTags,
  municipalityId: o.municipality?.id ?? null,
  address: o.isOnline ? null : o.address,
  lat: o.isOnline ? null : o.lat,
  lon: o.isOnline ? null : o.lon,
  isOnline: o.isOnline,
  contact: o.contact,
  minAge: o.minAge,
  requiredSkills: o.requiredSkills,
  signupMode: o.signupMode,
  partnerOrganizationId: o.partnerOrganization?.id ?? null,
});

function EditFields({ o }: { o: OpportunityView }) {
  const { t } = useTranslation();
  const update = useUpdateOpportunity();
  // The form edits the version it was opened on, whatever refetches meanwhile, and sends only what the
  // user changed since, so a change saved meanwhile in another field stays (ADR 0017).
  const edit = useEditVersion(o.version);
  const [base, setBase] = useState(() => bodyOf(o));
  return (
    <Stack gap="sm">
      <EditConflictAlert
        error={update.error}
        reloaded={edit.reloaded}
        onReload={async () => {
          await edit.reload(
            opportunityKeys.one(o.id),
            (d: { opportunity: OpportunityView }) => d.opportunity.version,
          );
          update.reset();
        }}
      />
      <OpportunityForm
        centerId={o.center.id}
        initial={o}
        submitLabel={t('opportunities.manage.save')}
        pending={update.isPending}
        error={withoutConflict(update.error)}
        onSubmit={(body) => {
          const changes = changedFields(base, body);
          if (Object.keys(changes).length === 0) return;
          update.mutate(
            { id: o.id, body: changes, ifMatch: edit.version },
            {
              onSuccess: (r) => {
                edit.saved(r.opportunity.version);
                setBase(bodyOf(r.opportunity));
              },
            },
          );
        }}
      />
    </Stack>
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
            onClick={() => update.mutate({ id: o.id, body: { status: to }, ifMatch: o.version })}
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
                          update.mutate({
                            id: o.id,
                            shiftId: s.id,
                            body: { status: 'cancelled' },
                            ifMatch: s.version,
                          })
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
