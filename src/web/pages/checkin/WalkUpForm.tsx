import { Button, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Desk, useWalkUp } from '../../api/checkin-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatTime } from '../../components/format';
import { useContractForm } from '../../forms/useContractForm';
import { CandidatePicker } from '../signups/CandidatePicker';

type Kind = 'regular' | 'account' | 'guest';

/**
 * A walk-up: one of the centre's own people (found by name, checked in at once), an invitation by
 * e-mail to anyone else with an account (they accept it in the app and are checked in), or the name
 * (and a contact) of a person without an account.
 */
export function WalkUpForm({
  shiftId,
  roles,
  onDone,
}: {
  shiftId: string;
  roles: Desk['roles'];
  onDone(text: string): void;
}) {
  const { t } = useTranslation();
  const walkUp = useWalkUp();
  const [kind, setKind] = useState<Kind>('regular');
  const [roleId, setRoleId] = useState<string | null>(null);
  const role = roleId ? { roleId } : {};
  // An invitation by e-mail, or a guest's name and contact: the body the server checks (WalkUpBody).
  const bodyOf = (v: { email: string; fullName: string; contact: string }) =>
    kind === 'account'
      ? { email: v.email.trim(), ...role }
      : { fullName: v.fullName.trim(), ...(v.contact.trim() ? { contact: v.contact.trim() } : {}), ...role };
  const form = useContractForm({
    initialValues: { email: '', fullName: '', contact: '' },
    schema: () => import('../../../shared/contracts/checkin').then((m) => m.WalkUpBody),
    body: bodyOf,
    // A guest needs a name, an invitation an address (the contract makes each optional).
    check: (v, t) =>
      kind === 'account'
        ? v.email.trim()
          ? {}
          : { email: t('validation.required') }
        : v.fullName.trim()
          ? {}
          : { fullName: t('validation.required') },
  });
  const send = (body: Parameters<typeof walkUp.mutate>[0]['body']) =>
    walkUp.mutate(
      { shiftId, body },
      {
        onSuccess: (res) => {
          onDone(
            res.invitation
              ? t('checkin.walkUp.invited', { email: res.invitation.email })
              : t('checkin.walkUp.added', {
                  name: res.entry?.user.displayName ?? res.walkIn?.fullName ?? '',
                }),
          );
          form.reset();
        },
        onError: (error) => form.showServerErrors(error),
      },
    );
  return (
    <Paper
      component="section"
      withBorder
      p="md"
      aria-labelledby="walk-up-heading"
      style={{ maxWidth: '36rem' }}
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="walk-up-heading">
          {t('checkin.walkUp.title')}
        </Title>
        <Text size="sm">{t('checkin.walkUp.hint')}</Text>
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          aria-label={t('checkin.walkUp.kind')}
          data={[
            { value: 'regular', label: t('checkin.walkUp.regular') },
            { value: 'account', label: t('checkin.walkUp.account') },
            { value: 'guest', label: t('checkin.walkUp.guest') },
          ]}
        />
        <ErrorAlert error={walkUp.error} fields={['userId', 'email', 'fullName', 'contact']} />
        {roles.length > 0 && (
          <Select
            label={t('checkin.walkUp.role')}
            clearable
            value={roleId}
            onChange={setRoleId}
            data={roles.map((r) => ({ value: r.id, label: r.name }))}
          />
        )}
        {kind === 'regular' && (
          <CandidatePicker
            shiftId={shiftId}
            pending={walkUp.isPending}
            actionLabel={(name) => t('checkin.walkUp.pick', { name })}
            onPick={(c) => send({ userId: c.id, ...role })}
          />
        )}
        {kind !== 'regular' && (
          <form ref={form.formRef} noValidate onSubmit={form.submitWith((v) => send(bodyOf(v)))}>
            <Stack gap="sm">
              {kind === 'account' ? (
                <TextInput
                  type="email"
                  label={t('checkin.walkUp.email')}
                  required
                  autoComplete="off"
                  {...form.getInputProps('email')}
                />
              ) : (
                <>
                  <TextInput
                    label={t('checkin.walkUp.fullName')}
                    required
                    maxLength={200}
                    {...form.getInputProps('fullName')}
                  />
                  <TextInput
                    label={t('checkin.walkUp.contact')}
                    description={t('checkin.walkUp.contactHint')}
                    maxLength={200}
                    {...form.getInputProps('contact')}
                  />
                </>
              )}
              <Button type="submit" loading={walkUp.isPending} style={{ alignSelf: 'flex-start' }}>
                {kind === 'account' ? t('checkin.walkUp.invite') : t('checkin.walkUp.submit')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

/** Walk-ups invited by e-mail who have not confirmed in the app yet. */
export function DeskInvitations({ items }: { items: Desk['invitations'] }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Stack
      component="section"
      gap={4}
      aria-labelledby="desk-invitations-heading"
      data-testid="desk-invitations"
    >
      <Title order={2} size="h3" id="desk-invitations-heading">
        {t('checkin.walkUp.invitationsTitle')}
      </Title>
      <Stack gap={2} component="ul" style={{ margin: 0, paddingLeft: '1.2rem' }}>
        {items.map((i) => (
          <li key={i.id}>
            <Text>
              {i.email} · {formatTime(i.createdAt, i18n.language)}
            </Text>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
