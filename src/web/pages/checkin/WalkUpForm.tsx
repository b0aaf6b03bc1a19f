import { Button, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Desk, useWalkUp } from '../../api/checkin-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatTime } from '../../components/format';
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
  const [email, setEmail] = useState('');
  const [fullName, setFullName] = useState('');
  const [contact, setContact] = useState('');
  const [roleId, setRoleId] = useState<string | null>(null);
  const role = roleId ? { roleId } : {};
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
          setEmail('');
          setFullName('');
          setContact('');
        },
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
          <form
            onSubmit={(e) => {
              e.preventDefault();
              send(
                kind === 'account'
                  ? { email: email.trim(), ...role }
                  : {
                      fullName: fullName.trim(),
                      ...(contact.trim() ? { contact: contact.trim() } : {}),
                      ...role,
                    },
              );
            }}
          >
            <Stack gap="sm">
              {kind === 'account' ? (
                <TextInput
                  type="email"
                  label={t('checkin.walkUp.email')}
                  required
                  autoComplete="off"
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                />
              ) : (
                <>
                  <TextInput
                    label={t('checkin.walkUp.fullName')}
                    required
                    maxLength={200}
                    value={fullName}
                    onChange={(e) => setFullName(e.currentTarget.value)}
                  />
                  <TextInput
                    label={t('checkin.walkUp.contact')}
                    description={t('checkin.walkUp.contactHint')}
                    maxLength={200}
                    value={contact}
                    onChange={(e) => setContact(e.currentTarget.value)}
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
