import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useJoinSquadByCode, useMySquads } from '../../api/volunteers-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useContractForm } from '../../forms/useContractForm';

/** The invitation code's input length (JoinByCodeBody in the shared contract checks it). */
const CODE_MAX = 40;

/** How the squad page greets someone who has just used a code (router state of the navigation). */
export type JoinedState = { joined: 'joined' | 'already' };

/**
 * Joining a squad with the invitation code a leader or coordinator gave: one field (filled from `?code=`
 * when a leader shared a link, which survives the detour through the login page), and on success the
 * squad's page. The server makes the person an active member at once; a code that matches no squad, or
 * a squad that removed the person (who may only ask to join again), is a field error on the code.
 */
export function JoinByCodeForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useMySquads();
  const join = useJoinSquadByCode();
  const [params] = useSearchParams();
  const form = useContractForm({
    initialValues: { code: (params.get('code') ?? '').trim().toUpperCase().slice(0, CODE_MAX) },
    schema: () => import('../../../shared/contracts/volunteers').then((m) => m.JoinByCodeBody),
    body: (v) => ({ code: v.code.trim() }),
    messages: (t) => ({ code: { required: t('volunteers.joinByCode.required') } }),
  });

  const onSubmit = form.submitWith(({ code }) => {
    const value = code.trim();
    // The server answers a repeated join with the squad as well; what the list said before tells them apart.
    const before = mine.data?.items ?? [];
    join.mutate(value, {
      onSuccess: ({ squad }) => {
        const already = before.some((s) => s.id === squad.id && s.myStatus === 'active');
        const state: JoinedState = { joined: already ? 'already' : 'joined' };
        navigate(`/squads/${squad.id}`, { state });
      },
      onError: (error) => form.showServerErrors(error),
    });
  });

  // The code's own error is shown at the field; anything else (network, 5xx) in the alert.
  const codeProblem = join.error instanceof ApiError && form.errors.code !== undefined;
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate data-testid="join-by-code-form">
      <Stack gap="sm">
        {!codeProblem && <ErrorAlert error={join.error} fields={['code']} />}
        <Text size="sm">{t('volunteers.joinByCode.lead')}</Text>
        <TextInput
          label={t('volunteers.joinByCode.code')}
          description={t('volunteers.joinByCode.codeHint')}
          name="code"
          {...form.getInputProps('code')}
          onChange={(e) => form.setFieldValue('code', e.currentTarget.value.toUpperCase())}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={CODE_MAX}
          required
          maw={320}
        />
        <div>
          <Button type="submit" loading={join.isPending}>
            {t('volunteers.joinByCode.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
