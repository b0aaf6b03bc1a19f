import { Anchor, Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Indicator, RatingRow, RoundDetail } from '../../api/monitoring-queries';
import { localName } from '../../components/format';
import { ScoreDialog } from './ScoreDialog';
import { formatScore } from './vocabulary';
import { ZoneBadge } from './ZoneBadge';
import './monitoring.css';

type Editing = { row: RatingRow; indicator: Indicator } | null;

/** One row per centre, best first: rank, a score per indicator (a button to edit while open), total, zone. */
export function RatingTable(props: { detail: RoundDetail; labelledBy: string; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { detail } = props;
  const open = detail.round.status === 'open';
  const [editing, setEditing] = useState<Editing>(null);

  return (
    <>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region needs keyboard access (WCAG 2.1.1) */}
      <section className="table-scroll" tabIndex={0} aria-labelledby={props.labelledBy}>
        <Table data-testid="rating-table" withTableBorder verticalSpacing="sm">
          <Table.Caption>{t('monitoring.round.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('monitoring.round.colRank')}</Table.Th>
              <Table.Th scope="col" miw={220}>
                {t('monitoring.round.colCenter')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('monitoring.round.colPoints')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('monitoring.round.colPercent')}
              </Table.Th>
              <Table.Th scope="col">{t('monitoring.round.colZone')}</Table.Th>
              {detail.indicators.map((i) => (
                <Table.Th scope="col" key={i.code} ta="right" miw={110}>
                  {localName(i, lng)}
                  <Text size="xs" fw={400} component="span" display="block">
                    {t('monitoring.round.maxOf', { max: formatScore(i.maxScore, lng) })}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.rows.map((row) => (
              <Table.Tr
                key={row.center.id}
                className={`rating-row-${row.zone}`}
                data-center-id={row.center.id}
                data-zone={row.zone}
              >
                <Table.Td fw={700}>{row.rank}</Table.Td>
                <Table.Th scope="row" fw={400}>
                  <Stack gap={2} align="flex-start">
                    <Anchor component={Link} to={`/centers/${row.center.id}/work-log`} fw={700}>
                      {row.center.name}
                    </Anchor>
                    <Text size="sm" component="span">
                      {localName(row.center.municipality, lng)}
                    </Text>
                    {!row.complete && (
                      <Text size="sm" component="span" fs="italic">
                        {t('monitoring.round.incomplete')}
                      </Text>
                    )}
                  </Stack>
                </Table.Th>
                <Table.Td ta="right">{formatScore(row.points, lng)}</Table.Td>
                <Table.Td ta="right" fw={700}>
                  {formatScore(row.percent, lng)}
                </Table.Td>
                <Table.Td>
                  <ZoneBadge zone={row.zone} />
                </Table.Td>
                {detail.indicators.map((indicator) => {
                  const s = row.scores.find((x) => x.indicator === indicator.code);
                  const value = s?.final ?? null;
                  const shown = formatScore(value, lng);
                  const entered = s?.entered !== null && s?.entered !== undefined;
                  const content = (
                    <>
                      {shown}
                      {entered && (
                        <>
                          <span aria-hidden="true"> {t('monitoring.round.enteredMark')}</span>
                          <VisuallyHidden> ({t('monitoring.round.enteredLabel')})</VisuallyHidden>
                        </>
                      )}
                    </>
                  );
                  return (
                    <Table.Td key={indicator.code} ta="right" data-indicator={indicator.code}>
                      {open ? (
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          className="score-button"
                          aria-label={t('monitoring.round.editLabel', {
                            indicator: localName(indicator, lng),
                            center: row.center.name,
                            value: value === null ? t('monitoring.round.noScoreLabel') : shown,
                          })}
                          onClick={() => setEditing({ row, indicator })}
                        >
                          {content}
                        </Button>
                      ) : (
                        content
                      )}
                      {entered && s?.computed !== null && s?.computed !== undefined && (
                        <Text size="xs" component="span" display="block">
                          {t('monitoring.round.computedWas', { value: formatScore(s.computed, lng) })}
                        </Text>
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>
      {editing && (
        <ScoreDialog
          roundId={detail.round.id}
          version={detail.round.version}
          row={editing.row}
          indicator={editing.indicator}
          onClose={(saved) => {
            setEditing(null);
            if (saved) props.onSaved();
          }}
        />
      )}
    </>
  );
}
