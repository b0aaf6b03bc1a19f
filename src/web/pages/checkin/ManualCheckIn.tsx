import { Button, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCheckIn } from '../../api/checkin-queries';
import { useMySignups } from '../../api/signups-queries';
import { formatTime } from '../../components/format';
import { useContractForm } from '../../forms/useContractForm';
import { CheckInOutcome } from './CheckInResult';

const HOUR = 3_600_000;

/** Shifts of mine that can be checked into now: confirmed or attended, within an hour of start and end. */
export function useShiftsNow() {
  const list = useMySignups();
  const now = Date.now();
  const items = (list.data?.items ?? []).filter(
    (s) =>
      (s.status === 'confirmed' || s.status === 'attended' || s.status === 'no_show') &&
      !s.checkedOutAt &&
      Date.parse(s.shift.startsAt) - HOUR <= now &&
      now <= Date.parse(s.shift.endsAt) + HOUR,
  );
  return { list, items };
}

/** For people who cannot scan: choose one of my shifts happening now and type the code shown at the venue. */
export function ManualCheckIn() {
  const { t, i18n } = useTranslation();
  const { list, items } = useShiftsNow();
  const checkIn = useCheckIn();
  const form = useContractForm<{ shiftId: string | null; code: string }>({
    initialValues: { shiftId: null, code: '' },
    schema: () => import('../../../shared/contracts/checkin').then((m) => m.CheckInBody),
    body: (v) => ({ shiftId: chosenOf(v.shiftId) ?? '', code: v.code.trim() }),
    // The contract makes both optional (a scanned token is the other way in); typed, both are needed.
    check: (v, t) => ({
      ...(chosenOf(v.shiftId) ? {} : { shiftId: t('validation.chooseOne') }),
      ...(v.code.trim() ? {} : { code: t('validation.required') }),
    }),
  });
  const chosenOf = (shiftId: string | null) =>
    shiftId ?? (items.length === 1 ? (items[0]?.shift.id ?? null) : null);
  const chosen = chosenOf(form.values.shiftId);
  const code = form.values.code;
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="manual-heading">
      <form
        ref={form.formRef}
        noValidate
        onSubmit={form.submitWith((v) => {
          const shiftId = chosenOf(v.shiftId);
          if (shiftId) checkIn.mutate({ shiftId, code: v.code.trim() });
        })}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="manual-heading">
            {t('checkin.manual.title')}
          </Title>
          {list.data && items.length === 0 ? (
            <Text>{t('checkin.manual.none')}</Text>
          ) : (
            <>
              <Select
                label={t('checkin.manual.shift')}
                required
                value={chosen}
                onChange={(value) => form.setFieldValue('shiftId', value)}
                error={form.errors.shiftId}
                data={items.map((s) => ({
                  value: s.shift.id,
                  label: `${formatTime(s.shift.startsAt, i18n.language)}–${formatTime(s.shift.endsAt, i18n.language)} · ${s.shift.opportunity.title}`,
                }))}
              />
              <TextInput
                label={t('checkin.manual.code')}
                description={t('checkin.manual.codeHint')}
                required
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                pattern="[0-9]{6}"
                value={code}
                onChange={(e) => form.setFieldValue('code', e.currentTarget.value.replace(/\D/g, ''))}
                error={form.errors.code}
              />
              <Button type="submit" loading={checkIn.isPending} style={{ alignSelf: 'flex-start' }}>
                {t('checkin.manual.submit')}
              </Button>
            </>
          )}
          <CheckInOutcome
            result={checkIn.data}
            error={checkIn.error}
            pending={checkIn.isPending}
            onCheckOut={() => chosen && checkIn.mutate({ shiftId: chosen, code: code.trim(), action: 'out' })}
          />
        </Stack>
      </form>
    </Paper>
  );
}
