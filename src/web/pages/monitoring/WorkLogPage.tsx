import {
  Alert,
  Anchor,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useWorkLog, type WorkLogData, type WorkLogFilter } from '../../api/monitoring-queries';
import type { User } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { RequireUser } from '../../components/RequireUser';
import { usePageTitle } from '../../components/usePageTitle';
import { NotFoundPage } from '../not-found/NotFoundPage';
import { CenterMonitoringSection } from './CenterMonitoringSection';
import { EntryForm } from './EntryForm';
import { isKind, isOperator, KINDS, kindLabel, UUID_RE } from './vocabulary';
import { WorkLogEntries } from './WorkLogEntries';
import './monitoring.css';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** /centers/:id/work-log — the centre's work log (its coordinators and the operator) and its monitoring results. */
export function WorkLogPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <RequireUser title={t('monitoring.workLog.title')}>
      {(user) => (UUID_RE.test(id) ? <WorkLog centerId={id} user={user} /> : <NotFoundPage />)}
    </RequireUser>
  );
}

function WorkLog({ centerId, user }: { centerId: string; user: User }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const removed = params.get('removed') === '1';
  const filter: WorkLogFilter = {
    ...(isKind(kind) ? { kind } : {}),
    ...(DATE_RE.test(from) ? { from } : {}),
    ...(DATE_RE.test(to) ? { to } : {}),
    ...(removed ? { removed: true } : {}),
  };
  const log = useWorkLog(centerId, filter);
  usePageTitle(
    log.data ? `${t('monitoring.workLog.title')}: ${log.data.center.name}` : t('monitoring.workLog.title'),
  );

  const setParam = (key: string, value: string) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  if (isApiError(log.error, 404)) return <NotFoundPage />;
  if (!log.data) {
    return (
      <Stack>
        <Title order={1}>{t('monitoring.workLog.title')}</Title>
        {log.error ? (
          isApiError(log.error, 403) ? (
            <Alert color="gray">{log.error.problem.detail}</Alert>
          ) : (
            <ErrorAlert error={log.error} title={t('errors.loadFailed')} />
          )
        ) : (
          <LoadingBlock />
        )}
      </Stack>
    );
  }
  const data = log.data;
  return (
    <Stack gap="xl" data-testid="work-log-page">
      <Stack gap="sm">
        <Group gap="md">
          <Anchor component={Link} to={`/centers/${centerId}`}>
            {t('monitoring.workLog.backToCenter')}
          </Anchor>
          {isOperator(user) && (
            <Anchor component={Link} to="/operator/monitoring">
              {t('monitoring.workLog.toMonitoring')}
            </Anchor>
          )}
        </Group>
        <Title order={1}>
          {t('monitoring.workLog.title')}: {data.center.name}
        </Title>
        <Text maw={760}>{t('monitoring.workLog.lead')}</Text>
      </Stack>

      <Filters kind={kind} from={from} to={to} removed={removed} today={data.today} onChange={setParam} />
      <ErrorAlert error={log.error} title={t('errors.loadFailed')} />
      <Totals data={data} />
      <WorkLogEntries data={data} busy={log.isFetching} />
      {data.canEdit && (
        <section aria-labelledby="work-log-add-title">
          <Title order={2} id="work-log-add-title" mb="md">
            {t('monitoring.workLog.addTitle')}
          </Title>
          <EntryForm centerId={centerId} today={data.today} openedOn={data.center.openedOn} />
        </section>
      )}
      <CenterMonitoringSection centerId={centerId} operator={isOperator(user)} />
    </Stack>
  );
}

function Filters(props: {
  kind: string;
  from: string;
  to: string;
  removed: boolean;
  today: string;
  onChange: (key: string, value: string) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId}>
      <Title order={2} size="h3" id={titleId} mb="sm">
        {t('monitoring.workLog.filtersTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} maw={900}>
        <NativeSelect
          id="work-log-filter-kind"
          name="filterKind"
          label={t('monitoring.workLog.filterKind')}
          value={props.kind}
          onChange={(e) => props.onChange('kind', e.currentTarget.value)}
          data={[
            { value: '', label: t('monitoring.workLog.allKinds') },
            ...KINDS.map((k) => ({ value: k, label: kindLabel(t, k) })),
          ]}
        />
        <TextInput
          id="work-log-filter-from"
          name="from"
          type="date"
          label={t('monitoring.workLog.from')}
          value={props.from}
          max={props.today}
          onChange={(e) => props.onChange('from', e.currentTarget.value)}
        />
        <TextInput
          id="work-log-filter-to"
          name="to"
          type="date"
          label={t('monitoring.workLog.to')}
          value={props.to}
          max={props.today}
          onChange={(e) => props.onChange('to', e.currentTarget.value)}
        />
      </SimpleGrid>
      <Checkbox
        mt="sm"
        id="work-log-filter-removed"
        label={t('monitoring.workLog.showRemoved')}
        checked={props.removed}
        onChange={(e) => props.onChange('removed', e.currentTarget.checked ? '1' : '')}
      />
    </section>
  );
}

function Totals({ data }: { data: WorkLogData }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const titleId = useId();
  const sum = (key: 'entries' | 'quantity' | 'peopleReached') =>
    formatNumber(
      data.totals.reduce((n, x) => n + x[key], 0),
      lng,
    );
  return (
    <section aria-labelledby={titleId}>
      <Title order={2} size="h3" id={titleId} mb="sm">
        {t('monitoring.workLog.totalsTitle')}
      </Title>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region needs keyboard access (WCAG 2.1.1) */}
      <section className="table-scroll" tabIndex={0} aria-labelledby={titleId}>
        <Table data-testid="work-log-totals" withTableBorder striped maw={760}>
          <Table.Caption>{t('monitoring.workLog.totalsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('monitoring.workLog.colKind')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('monitoring.workLog.colEntries')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('monitoring.workLog.colQuantity')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('monitoring.workLog.colPeople')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.totals.map((x) => (
              <Table.Tr key={x.kind} data-kind={x.kind}>
                <Table.Th scope="row" fw={400}>
                  {kindLabel(t, x.kind)}
                </Table.Th>
                <Table.Td ta="right">{formatNumber(x.entries, lng)}</Table.Td>
                <Table.Td ta="right">{formatNumber(x.quantity, lng)}</Table.Td>
                <Table.Td ta="right">{formatNumber(x.peopleReached, lng)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          {data.totals.length > 1 && (
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{t('monitoring.workLog.totalRow')}</Table.Th>
                <Table.Td ta="right" fw={700}>
                  {sum('entries')}
                </Table.Td>
                <Table.Td ta="right" fw={700}>
                  {sum('quantity')}
                </Table.Td>
                <Table.Td ta="right" fw={700}>
                  {sum('peopleReached')}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          )}
        </Table>
      </section>
    </section>
  );
}
