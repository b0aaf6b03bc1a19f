import { Button, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { type Round, storeRound } from '../../api/monitoring-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormErrors } from '../../components/forms';
import { collectErrors } from '../../components/validation';

const PERCENT_RE = /^\d{1,3}([.,]\d{1,2})?$/;
const toNumber = (s: string) => Number(s.replace(',', '.'));

/** Opens a round for a half-year that has started and has no round yet; then shows its rating. */
export function OpenRoundForm({ existing }: { existing: Round[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const now = new Date();
  const thisYear = now.getFullYear();
  const taken = new Set(existing.map((r) => `${r.year}-${r.half}`));
  // The latest started half-year without a round: the default choice.
  const candidates = [0, 1, 2, 3, 4, 5]
    .map((k) => {
      const index = thisYear * 2 + (now.getMonth() >= 6 ? 1 : 0) - k;
      return { year: Math.floor(index / 2), half: (index % 2) + 1 };
    })
    .filter((c) => !taken.has(`${c.year}-${c.half}`));
  const first = candidates[0] ?? { year: thisYear, half: 1 };
  const [year, setYear] = useState(String(first.year));
  const [half, setHalf] = useState(String(first.half));
  const [greenFrom, setGreen] = useState('80');
  const [yellowFrom, setYellow] = useState('50');

  const open = useMutation({
    mutationFn: () =>
      api('openMonitoringRound', {
        body: {
          year: Number(year),
          half: Number(half),
          greenFrom: toNumber(greenFrom),
          yellowFrom: toNumber(yellowFrom),
        },
      }),
    onSuccess: (detail) => {
      storeRound(queryClient, detail);
      void navigate(`/operator/monitoring/${detail.round.id}`);
    },
    onError: () => form.focusInvalid(),
  });
  const form = useFormErrors(open.error);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    open.reset();
    const percent = (s: string) =>
      PERCENT_RE.test(s.trim()) && toNumber(s) <= 100 ? undefined : t('monitoring.rounds.percentError');
    const errors = collectErrors({
      greenFrom: percent(greenFrom),
      yellowFrom:
        percent(yellowFrom) ??
        (toNumber(yellowFrom) > toNumber(greenFrom) ? t('monitoring.rounds.orderError') : undefined),
    });
    if (form.validate(errors)) open.mutate();
  };
  const years = [thisYear, thisYear - 1, thisYear - 2, thisYear - 3];

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate data-testid="open-round-form">
      <Stack maw={760}>
        <ErrorAlert error={open.error} fields={['year', 'half', 'greenFrom', 'yellowFrom']} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            id="round-year"
            name="year"
            label={t('monitoring.rounds.year')}
            value={year}
            onChange={(e) => setYear(e.currentTarget.value)}
            data={years.map((y) => String(y))}
            error={form.errors.year}
            required
          />
          <NativeSelect
            id="round-half"
            name="half"
            label={t('monitoring.rounds.half')}
            value={half}
            onChange={(e) => setHalf(e.currentTarget.value)}
            data={[
              { value: '1', label: t('monitoring.rounds.half1') },
              { value: '2', label: t('monitoring.rounds.half2') },
            ]}
            error={form.errors.half}
            required
          />
          <TextInput
            id="round-green-from"
            name="greenFrom"
            inputMode="decimal"
            label={t('monitoring.rounds.greenFrom')}
            value={greenFrom}
            onChange={(e) => setGreen(e.currentTarget.value)}
            error={form.errors.greenFrom}
            required
          />
          <TextInput
            id="round-yellow-from"
            name="yellowFrom"
            inputMode="decimal"
            label={t('monitoring.rounds.yellowFrom')}
            description={t('monitoring.rounds.thresholdsHint')}
            value={yellowFrom}
            onChange={(e) => setYellow(e.currentTarget.value)}
            error={form.errors.yellowFrom}
            required
          />
        </SimpleGrid>
        <Button
          type="submit"
          loading={open.isPending}
          style={{ alignSelf: 'flex-start' }}
          data-testid="open-round"
        >
          {t('monitoring.rounds.open')}
        </Button>
      </Stack>
    </form>
  );
}
