import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import {
  type Indicator,
  monitoringKeys,
  type RatingRow,
  type RoundDetail,
  storeRound,
} from '../../api/monitoring-queries';
import { EditConflictAlert, useEditVersion, withoutConflict } from '../../components/EditConflict';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, localName } from '../../components/format';
import { collectErrors } from '../../components/validation';
import { useContractForm } from '../../forms/useContractForm';
import { formatScore } from './vocabulary';

const SCORE_RE = /^\d{1,4}([.,]\d{1,2})?$/;

/** A score typed (two decimals at most, a comma too); anything else stays text, for the contract to refuse. */
const scoreOf = (text: string): number =>
  (SCORE_RE.test(text.trim()) ? Number(text.trim().replace(',', '.')) : text.trim()) as number;

/** Enter (or remove) one centre's score on one indicator; overriding a computed score needs a comment. */
export function ScoreDialog(props: {
  roundId: string;
  /** The round's version the dialog was opened on: its scores sheet (ADR 0017). */
  version: number;
  row: RatingRow;
  indicator: Indicator;
  onClose: (saved: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const queryClient = useQueryClient();
  const { row, indicator } = props;
  const s = row.scores.find((x) => x.indicator === indicator.code);
  const computedIndicator = indicator.method !== 'entered';
  const max = indicator.maxScore;
  const edit = useEditVersion(props.version);
  const form = useContractForm({
    initialValues: {
      score: s?.entered === null || s?.entered === undefined ? '' : String(s.entered),
      comment: s?.comment ?? '',
    },
    schema: () => import('../../../shared/contracts/monitoring').then((m) => m.EnterScoreBody),
    body: (v) => ({
      centerId: row.center.id,
      indicator: indicator.code,
      score: scoreOf(v.score),
      comment: v.comment.trim() || null,
    }),
    // The indicator's own maximum, and a comment when an entered score overrides a computed one.
    check: (v, t) =>
      collectErrors({
        score:
          scoreOf(v.score) > max
            ? t('monitoring.round.scoreAboveMax', { max: formatScore(max, lng) })
            : undefined,
        comment: computedIndicator && !v.comment.trim() ? t('monitoring.round.commentHint') : undefined,
      }),
  });
  const { comment } = form.values;

  const save = useMutation({
    mutationFn: (value: number | null) =>
      api('enterMonitoringScore', {
        params: { roundId: props.roundId },
        body: {
          centerId: row.center.id,
          indicator: indicator.code,
          score: value,
          comment: comment.trim() || null,
        },
        ifMatch: edit.version,
      }),
    onSuccess: (detail) => {
      edit.saved(detail.round.version);
      storeRound(queryClient, detail);
      props.onClose(true);
    },
    onError: (error) => form.showServerErrors(error),
  });

  const submit = form.submitWith((v) => save.mutate(scoreOf(v.score)));
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    save.reset();
    submit(event);
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('monitoring.workLog.close') }}
      opened
      onClose={() => props.onClose(false)}
      title={t('monitoring.round.editTitle', { indicator: localName(indicator, lng) })}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <form ref={form.formRef} onSubmit={onSubmit} noValidate data-testid="score-form">
        <Stack>
          <Text>{t('monitoring.round.editCenter', { center: row.center.name })}</Text>
          <Text size="sm">
            {computedIndicator
              ? t('monitoring.round.computedValue', {
                  value: formatScore(s?.computed ?? null, lng),
                  max: formatScore(max, lng),
                  basis: s?.basis ?? 0,
                })
              : t('monitoring.round.enteredOnly')}
          </Text>
          {s?.enteredBy && s.enteredAt && (
            <Text size="sm">
              {t('monitoring.round.enteredBy', {
                name: s.enteredBy.displayName,
                at: formatDateTime(s.enteredAt, lng),
              })}
            </Text>
          )}
          <EditConflictAlert
            error={save.error}
            reloaded={edit.reloaded}
            onReload={async () => {
              await edit.reload(monitoringKeys.round(props.roundId), (d: RoundDetail) => d.round.version);
              save.reset();
            }}
          />
          <ErrorAlert error={withoutConflict(save.error)} fields={['score', 'comment']} />
          <TextInput
            id="score-value"
            name="score"
            inputMode="decimal"
            label={t('monitoring.round.score', { max: formatScore(max, lng) })}
            {...form.getInputProps('score')}
            required
            data-autofocus
          />
          <Textarea
            id="score-comment"
            name="comment"
            label={t('monitoring.round.comment')}
            description={computedIndicator ? t('monitoring.round.commentHint') : undefined}
            {...form.getInputProps('comment')}
            maxLength={2000}
            autosize
            minRows={2}
            required={computedIndicator}
          />
          <Group justify="space-between">
            {s?.entered !== null && s?.entered !== undefined ? (
              <Button
                variant="subtle"
                color="red.9"
                onClick={() => save.mutate(null)}
                loading={save.isPending && save.variables === null}
              >
                {t('monitoring.round.clear')}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="sm">
              <Button variant="default" onClick={() => props.onClose(false)}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                loading={save.isPending && save.variables !== null}
                data-testid="save-score"
              >
                {t('monitoring.round.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
