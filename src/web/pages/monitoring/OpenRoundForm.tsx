import { Button, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { type Round, storeRound } from '../../api/monitoring-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useContractForm } from '../../forms/useContractForm';

const PERCENT_RE = /^\d{1,3}([.,]\d{1,2})?$/;
const toNumber = (s: string) => Number(s.replace(',', '.'));
/** A percentage typed (two decimals at most, a comma too); anything else stays text, for the contract. */
const percentOf = (s: string): number =>
  (PERCENT_RE.test(s.trim()) ? toNumber(s.trim()) : s.trim()) as number;

type Values = { year: string; half: string; greenFrom: string; yellowFrom: string };
const bodyOf = (v: Values) => ({
  year: Number(v.year),
  half: Number(v.half),
  greenFrom: percentOf(v.greenFrom),
  yellowFrom: percentOf(v.yellowFrom),
});

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
  const form = useContractForm<Values>({
    initialValues: { year: String(first.year), half: String(first.half), greenFrom: '80', yellowFrom: '50' },
    schema: () => import('../../../shared/contracts/monitoring').then((m) => m.OpenRoundBody),
    body: bodyOf,
    messages: (t) => ({
      greenFrom: t('monitoring.rounds.percentError'),
      yellowFrom: t('monitoring.rounds.percentError'),
    }),
    // The yellow zone starts below the green one.
    check: (v, t) => {
      const { greenFrom, yellowFrom } = bodyOf(v);
      const ordered =
        typeof greenFrom !== 'number' || typeof yellowFrom !== 'number' || yellowFrom <= greenFrom;
      return ordered ? {} : { yellowFrom: t('monitoring.rounds.orderError') };
    },
  });

  const open = useMutation({
    mutationFn: (v: Values) => api('openMonitoringRound', { body: bodyOf(v) }),
    onSuccess: (detail) => {
      storeRound(queryClient, detail);
      void navigate(`/operator/monitoring/${detail.round.id}`);
    },
    onError: (error) => form.showServerErrors(error),
  });
  const submit = form.submitWith((v) => open.mutate(v));
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    open.reset();
    submit(event);
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
            {...form.getInputProps('year')}
            data={years.map((y) => String(y))}
            required
          />
          <NativeSelect
            id="round-half"
            name="half"
            label={t('monitoring.rounds.half')}
            {...form.getInputProps('half')}
            data={[
              { value: '1', label: t('monitoring.rounds.half1') },
              { value: '2', label: t('monitoring.rounds.half2') },
            ]}
            required
          />
          <TextInput
            id="round-green-from"
            name="greenFrom"
            inputMode="decimal"
            label={t('monitoring.rounds.greenFrom')}
            {...form.getInputProps('greenFrom')}
            required
          />
          <TextInput
            id="round-yellow-from"
            name="yellowFrom"
            inputMode="decimal"
            label={t('monitoring.rounds.yellowFrom')}
            description={t('monitoring.rounds.thresholdsHint')}
            {...form.getInputProps('yellowFrom')}
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
