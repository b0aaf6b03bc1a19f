import {
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Loader,
  Modal,
  NativeSelect,
  Radio,
  Stack,
  Text,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemCode } from '../../../shared/problems';
import { api, type BodyOf, type ResponseOf } from '../../api/client';
import { opportunityKeys } from '../../api/opportunities-queries';
import { useMe } from '../../api/queries';
import { signupKeys } from '../../api/signups-queries';
import { useSquad, volunteerKeys } from '../../api/volunteers-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusBadge } from './status';

type Mode = BodyOf<'teamSignUp'>['mode'];
type TeamResult = ResponseOf<'teamSignUp'>;

interface Props {
  shiftId: string;
  /** The shift's roles; a role can be picked for the whole team when there are any. */
  roles?: readonly { id: string; name: string }[];
  /** The shift's accessible name, e.g. "Sign up my squad for 1 December, 10:00". */
  label?: string;
}

/** Codes a member can be refused with (`skipped[].code`); others read as the generic text. */
const REASONS = [
  'shift_full',
  'not_eligible',
  'schedule_conflict',
  'already_signed_up',
  'shift_unavailable',
  'shift_started',
  'unknown_role',
  'shift_overlap',
  'hours_per_day_exceeded',
  'rest_too_short',
  'birth_date_required',
  'too_young',
  'guardian_consent_required',
  'skills_missing',
] as const satisfies readonly ProblemCode[];
type Reason = (typeof REASONS)[number];
const isReason = (code: string): code is Reason => (REASONS as readonly string[]).includes(code);

/** The squads the signed-in user leads (from "my squads"); empty for everyone else. */
function useLedSquads() {
  const me = useMe();
  const userId = me.data?.id;
  const squads = useQuery({
    queryKey: volunteerKeys.mine,
    queryFn: ({ signal }) => api('mySquads', { signal }),
    enabled: !!userId,
  });
  return (squads.data?.items ?? []).filter((s) => s.leaders.some((l) => l.userId === userId));
}

function useTeamSignUpMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { shiftId: string; body: BodyOf<'teamSignUp'> }) =>
      api('teamSignUp', { params: { id: v.shiftId }, body: v.body }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: signupKeys.all }),
        queryClient.invalidateQueries({ queryKey: opportunityKeys.all }),
      ]),
  });
}

/**
 * "Sign up my squad" next to a shift's signup button, only for squad leaders: a dialog to pick the
 * squad, its members, the role and the mode, then each member's outcome.
 */
export function TeamSignupButton({ shiftId, roles = [], label }: Props) {
  const { t } = useTranslation();
  const led = useLedSquads();
  const [opened, setOpened] = useState(false);
  if (led.length === 0) return null;
  return (
    <>
      <Button
        variant="light"
        onClick={() => setOpened(true)}
        aria-label={label}
        aria-haspopup="dialog"
        data-testid="team-signup-button"
        style={{ alignSelf: 'flex-start' }}
      >
        {t('signups.team.open')}
      </Button>
      {opened ? (
        <TeamSignupModal shiftId={shiftId} roles={roles} squads={led} onClose={() => setOpened(false)} />
      ) : null}
    </>
  );
}

function TeamSignupModal({
  shiftId,
  roles,
  squads,
  onClose,
}: {
  shiftId: string;
  roles: readonly { id: string; name: string }[];
  squads: readonly { id: string; name: string }[];
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [squadId, setSquadId] = useState(squads[0]?.id ?? '');
  const [excluded, setExcluded] = useState<string[]>([]);
  const [roleId, setRoleId] = useState('');
  const [mode, setMode] = useState<Mode>('all_or_nothing');
  const [sent, setSent] = useState<string[]>([]);
  const squad = useSquad(squadId);
  const teamSignUp = useTeamSignUpMutation();

  const members = (squad.data?.squad.members ?? []).filter((m) => m.status === 'active');
  const ticked = members.filter((m) => !excluded.includes(m.userId)).map((m) => m.userId);
  const nameOf = (userId: string) => members.find((m) => m.userId === userId)?.displayName ?? userId;

  const submit = () => {
    if (ticked.length === 0) return;
    setSent(ticked);
    teamSignUp.mutate({
      shiftId,
      body: { squadId, userIds: ticked, mode, ...(roleId ? { roleId } : {}) },
    });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('signups.team.title')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('signups.close') }}
    >
      {/* Always mounted, so screen readers announce the outcome when it arrives. */}
      <div role="status" aria-live="polite" data-testid="team-signup-result">
        {teamSignUp.data ? <TeamResultView result={teamSignUp.data} sent={sent} nameOf={nameOf} /> : null}
      </div>
      {teamSignUp.data ? (
        <Group justify="flex-end" mt="md">
          <Button onClick={onClose} data-autofocus>
            {t('signups.close')}
          </Button>
        </Group>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack>
            <ErrorAlert error={teamSignUp.error ?? squad.error} fields={[]} />
            {squads.length > 1 ? (
              <NativeSelect
                label={t('signups.team.squad')}
                value={squadId}
                onChange={(e) => {
                  setSquadId(e.currentTarget.value);
                  setExcluded([]);
                  teamSignUp.reset();
                }}
                data={squads.map((s) => ({ value: s.id, label: s.name }))}
              />
            ) : (
              <Text>{t('signups.team.squadName', { name: squads[0]?.name ?? '' })}</Text>
            )}
            {squad.isPending ? (
              <Loader size="sm" aria-label={t('signups.team.loading')} />
            ) : members.length === 0 ? (
              <Text c="dimmed">{t('signups.team.noMembers')}</Text>
            ) : (
              <Checkbox.Group
                label={t('signups.team.members')}
                description={t('signups.team.chosen', { count: ticked.length })}
                value={ticked}
                onChange={(value) =>
                  setExcluded(members.map((m) => m.userId).filter((id) => !value.includes(id)))
                }
                error={ticked.length === 0 ? t('signups.team.noneTicked') : undefined}
              >
                <Stack gap="xs" mt="xs">
                  {members.map((m) => (
                    <Checkbox key={m.userId} value={m.userId} label={m.displayName} />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}
            {roles.length > 0 ? (
              <NativeSelect
                label={t('signups.team.role')}
                value={roleId}
                onChange={(e) => setRoleId(e.currentTarget.value)}
                data={[
                  { value: '', label: t('signups.team.anyRole') },
                  ...roles.map((r) => ({ value: r.id, label: r.name })),
                ]}
              />
            ) : null}
            <Radio.Group
              label={t('signups.team.mode')}
              value={mode}
              onChange={(value) => setMode(value === 'as_many_as_fit' ? 'as_many_as_fit' : 'all_or_nothing')}
            >
              <Stack gap="xs" mt="xs">
                <Radio
                  value="all_or_nothing"
                  label={t('signups.team.modes.all_or_nothing')}
                  description={t('signups.team.modeHints.all_or_nothing')}
                />
                <Radio
                  value="as_many_as_fit"
                  label={t('signups.team.modes.as_many_as_fit')}
                  description={t('signups.team.modeHints.as_many_as_fit')}
                />
              </Stack>
            </Radio.Group>
            <Group justify="flex-end" wrap="wrap">
              <Button variant="default" onClick={onClose}>
                {t('signups.team.cancel')}
              </Button>
              <Button
                type="submit"
                loading={teamSignUp.isPending}
                disabled={ticked.length === 0 || squad.isPending}
                data-testid="team-signup-submit"
              >
                {t('signups.team.submit', { count: ticked.length })}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** Each member's outcome: their new signup (matched through `placed`) or why they were not signed up. */
function TeamResultView({
  result,
  sent,
  nameOf,
}: {
  result: TeamResult;
  sent: readonly string[];
  nameOf(userId: string): string;
}) {
  const { t } = useTranslation();
  const skipped = new Map(result.skipped.map((s) => [s.userId, s.code]));
  const taken = [...new Set(sent)].filter((id) => !skipped.has(id));
  const signupOf = (userId: string) => {
    const placed = result.placed.find((p) => p.userId === userId);
    return placed ? result.created.find((c) => c.id === placed.signupId) : undefined;
  };
  return (
    <Stack gap="xs">
      <Text fw={600}>
        {t('signups.team.summary', { count: result.created.length, total: taken.length + skipped.size })}
      </Text>
      <List listStyleType="none" spacing="xs">
        {taken.map((id) => {
          const signup = signupOf(id);
          return (
            <List.Item key={id}>
              <Group gap="xs" wrap="wrap">
                <Text>{nameOf(id)}</Text>
                {signup ? <StatusBadge status={signup.status} /> : null}
              </Group>
            </List.Item>
          );
        })}
        {result.skipped.map((s) => (
          <List.Item key={s.userId}>
            <Group gap="xs" wrap="wrap">
              <Text>{nameOf(s.userId)}</Text>
              <Badge color="red.9" variant="filled" radius="sm" tt="none">
                {t('signups.team.refused')}
              </Badge>
              <Text size="sm">
                {isReason(s.code) ? t(`signups.team.reasons.${s.code}`) : t('signups.team.reasons.other')}
              </Text>
            </Group>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
