import { Alert, Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type MySignup,
  type SwapOffer,
  useAcceptOffer,
  useAcceptSwap,
  useCancelSignup,
  useDeclineSwap,
  useMySignups,
  useOfferSwap,
  usePassOffer,
} from '../../api/signups-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatHours } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { RequireUser } from '../../components/RequireUser';
import { usePageTitle } from '../../components/usePageTitle';
import { useContractForm } from '../../forms/useContractForm';
import { CalendarFeedSection } from './CalendarFeedSection';
import { MyInvitations } from './MyInvitations';
import { ReasonModal } from './ReasonModal';
import { StatusBadge, useReasonText } from './status';

const ACTIVE = ['applied', 'confirmed', 'waitlisted', 'offered'];

/** /my/shifts: my signups, upcoming and past; cancel with a reason, answer an offer, hand a shift over. */
export function MyShiftsPage() {
  const { t } = useTranslation();
  const title = t('signups.my.title');
  usePageTitle(title);
  return <RequireUser title={title}>{(user) => <MyShifts userId={user.id} />}</RequireUser>;
}

function MyShifts({ userId }: { userId: string }) {
  const { t, i18n } = useTranslation();
  const list = useMySignups();
  const now = Date.now();
  const items = list.data?.items ?? [];
  const upcoming = items.filter((s) => ACTIVE.includes(s.status) && Date.parse(s.shift.endsAt) > now);
  const past = items.filter((s) => !upcoming.includes(s)).reverse();
  return (
    <Stack gap="lg" data-testid="my-shifts-page">
      <Stack gap="xs">
        <Title order={1}>{t('signups.my.title')}</Title>
        <Text>{t('signups.my.lead')}</Text>
      </Stack>
      <ErrorAlert error={list.error} title={t('errors.loadFailed')} />
      {list.isPending && <LoadingBlock />}
      {list.data && <MyInvitations items={list.data.invitations} />}
      {list.data && list.data.swaps.length > 0 && <Swaps swaps={list.data.swaps} userId={userId} />}
      {list.data && items.length === 0 && <Text>{t('signups.my.empty')}</Text>}
      {items.some((s) => s.hours !== null) && (
        <Text fw={700} data-testid="total-hours">
          {t('checkin.my.totalHours', {
            hours: formatHours(
              items.reduce((sum, s) => sum + (s.hours ?? 0), 0),
              i18n.language,
            ),
          })}
        </Text>
      )}
      {items.length > 0 && (
        <>
          <Section title={t('signups.my.upcoming')} items={upcoming} testId="upcoming" />
          <Section title={t('signups.my.past')} items={past} testId="past" />
        </>
      )}
      {userId && <CalendarFeedSection />}
    </Stack>
  );
}

function Section({ title, items, testId }: { title: string; items: MySignup[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Stack component="section" gap="sm" aria-labelledby={`${testId}-heading`}>
      <Title order={2} id={`${testId}-heading`}>
        {title}
      </Title>
      {items.length === 0 ? (
        <Text>{t('signups.my.none')}</Text>
      ) : (
        <Stack component="ul" gap="sm" className="plain-list" data-testid={`signups-${testId}`}>
          {items.map((s) => (
            <SignupCard key={s.id} signup={s} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function SignupCard({ signup: s }: { signup: MySignup }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const reasonText = useReasonText();
  const accept = useAcceptOffer();
  const pass = usePassOffer();
  const cancel = useCancelSignup();
  const [cancelling, setCancelling] = useState(false);
  const [swapping, setSwapping] = useState(false);
  const [offeredTo, setOfferedTo] = useState<string | null>(null);
  const active = ACTIVE.includes(s.status);
  // Happening now (check-in is open an hour before the start until an hour after the end).
  const now = Date.now();
  const canCheckIn =
    (s.status === 'confirmed' || (s.status === 'attended' && !s.checkedOutAt)) &&
    Date.parse(s.shift.startsAt) - 3_600_000 <= now &&
    now <= Date.parse(s.shift.endsAt) + 3_600_000;
  return (
    <Paper component="li" withBorder p="sm" data-testid="signup-card" data-status={s.status}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h4">
            {s.shift.opportunity.title}
          </Title>
          <StatusBadge status={s.status} />
        </Group>
        <Text size="sm">
          {t('signups.my.when', {
            from: formatDateTime(s.shift.startsAt, lng),
            to: formatDateTime(s.shift.endsAt, lng),
          })}{' '}
          · {s.shift.center.name}
        </Text>
        {s.role && <Text size="sm">{t('signups.my.role', { role: s.role.name })}</Text>}
        {s.reason && <Text size="sm">{t('signups.my.reason', { reason: reasonText(s.reason) })}</Text>}
        {s.status === 'offered' && s.offeredUntil && (
          <Alert color="blue" variant="light" p="xs">
            {t('signups.my.offerUntil', { until: formatDateTime(s.offeredUntil, lng) })}
          </Alert>
        )}
        {s.hours !== null && (
          <Text size="sm">{t('checkin.my.hours', { hours: formatHours(s.hours, lng) })}</Text>
        )}
        {offeredTo && (
          <Text size="sm" role="status" data-testid="swap-sent">
            {t('signups.my.swapSent', { email: offeredTo })}
          </Text>
        )}
        <ErrorAlert error={accept.error ?? pass.error} />
        <Group gap="xs">
          {canCheckIn && (
            <Button size="xs" component={Link} to="/check-in">
              {t('checkin.my.checkIn')}
            </Button>
          )}
          {s.status === 'offered' && (
            <>
              <Button size="xs" loading={accept.isPending} onClick={() => accept.mutate(s.id)}>
                {t('signups.my.accept')}
              </Button>
              <Button size="xs" variant="default" loading={pass.isPending} onClick={() => pass.mutate(s.id)}>
                {t('signups.my.pass')}
              </Button>
            </>
          )}
          {s.status === 'confirmed' && (
            <Button size="xs" variant="default" onClick={() => setSwapping(true)}>
              {t('signups.my.swap')}
            </Button>
          )}
          {active && (
            <Button size="xs" variant="outline" color="red.8" onClick={() => setCancelling(true)}>
              {t('signups.my.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
      {cancelling && (
        <ReasonModal
          opened
          title={t('signups.my.cancelTitle', { title: s.shift.opportunity.title })}
          submitLabel={t('signups.my.confirmCancel')}
          pending={cancel.isPending}
          error={cancel.error}
          onClose={() => setCancelling(false)}
          onSubmit={(reason) =>
            cancel.mutate({ id: s.id, reason }, { onSuccess: () => setCancelling(false) })
          }
        />
      )}
      {swapping && (
        <SwapModal
          signup={s}
          onClose={() => setSwapping(false)}
          onSent={(email) => {
            setOfferedTo(email);
            setSwapping(false);
          }}
        />
      )}
    </Paper>
  );
}

/** Offers the place to an address: the answer is the same whether someone has an account there or not. */
function SwapModal({
  signup,
  onClose,
  onSent,
}: {
  signup: MySignup;
  onClose(): void;
  onSent(email: string): void;
}) {
  const { t } = useTranslation();
  const offer = useOfferSwap();
  const form = useContractForm({
    initialValues: { email: '' },
    schema: () => import('../../../shared/contracts/signups').then((m) => m.SwapBody),
    body: (v) => ({ email: v.email.trim() }),
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('signups.my.swapTitle', { title: signup.shift.opportunity.title })}
      centered
      closeButtonProps={{ 'aria-label': t('signups.close') }}
    >
      <form
        ref={form.formRef}
        noValidate
        onSubmit={form.submitWith(({ email }) =>
          offer.mutate(
            { id: signup.id, email: email.trim() },
            {
              onSuccess: ({ swap }) => onSent(swap.to.email),
              onError: (error) => form.showServerErrors(error),
            },
          ),
        )}
      >
        <Stack>
          <Text size="sm">{t('signups.my.swapHint')}</Text>
          <ErrorAlert error={offer.error} fields={['email']} />
          <TextInput
            type="email"
            label={t('signups.my.swapEmail')}
            required
            autoComplete="off"
            {...form.getInputProps('email')}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('signups.my.keep')}
            </Button>
            <Button type="submit" loading={offer.isPending}>
              {t('signups.my.swapSend')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * Open swap offers: those made to my address (accept or decline) and mine (withdraw). Mine show the
 * address I typed and wait for an answer until someone accepts.
 */
function Swaps({ swaps, userId }: { swaps: SwapOffer[]; userId: string }) {
  const { t, i18n } = useTranslation();
  const accept = useAcceptSwap();
  const decline = useDeclineSwap();
  return (
    <Stack component="section" gap="sm" aria-labelledby="swaps-heading">
      <Title order={2} id="swaps-heading">
        {t('signups.my.swapsTitle')}
      </Title>
      <ErrorAlert error={accept.error ?? decline.error} />
      <Stack component="ul" gap="sm" className="plain-list" data-testid="swap-offers">
        {swaps.map((w) => {
          const incoming = w.from.id !== userId;
          const title = w.shift.opportunity.title;
          return (
            <Paper
              component="li"
              key={w.id}
              withBorder
              p="sm"
              data-testid="swap-offer"
              data-direction={incoming ? 'incoming' : 'outgoing'}
            >
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text>
                  {incoming
                    ? t('signups.my.swapFrom', {
                        name: w.from.displayName,
                        title,
                        when: formatDateTime(w.shift.startsAt, i18n.language),
                      })
                    : t('signups.my.swapTo', { email: w.to.email, title })}
                </Text>
                <Group gap="xs">
                  {incoming && (
                    <Button size="xs" loading={accept.isPending} onClick={() => accept.mutate(w.id)}>
                      {t('signups.my.swapAccept')}
                    </Button>
                  )}
                  <Button
                    size="xs"
                    variant="default"
                    loading={decline.isPending}
                    onClick={() => decline.mutate(w.id)}
                  >
                    {incoming ? t('signups.my.swapDecline') : t('signups.my.swapWithdraw')}
                  </Button>
                </Group>
              </Group>
            </Paper>
          );
        })}
      </Stack>
    </Stack>
  );
}
