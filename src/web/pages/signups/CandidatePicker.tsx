import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCandidates } from '../../api/signups-queries';

type Candidate = { id: string; displayName: string; email: string };

/**
 * Finds one of the centre's own people (an earlier signup there, a member of its squad) by name or
 * e-mail; each match is a button that acts on that person (assign on the roster, check in at the desk).
 */
export function CandidatePicker({
  shiftId,
  actionLabel,
  pending,
  onPick,
}: {
  shiftId: string;
  /** The button's accessible text for one person, e.g. "Записать: Анна". */
  actionLabel(name: string): string;
  pending: boolean;
  onPick(candidate: Candidate): void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useCandidates(shiftId, q);
  const items = found.data?.items ?? [];
  return (
    <Stack gap="xs">
      <TextInput
        label={t('signups.roster.search')}
        description={t('signups.roster.searchHint')}
        autoComplete="off"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        data-testid="candidate-search"
      />
      {q.trim().length >= 2 && found.isSuccess && items.length === 0 && (
        <Text size="sm" role="status">
          {t('signups.roster.noCandidates')}
        </Text>
      )}
      {items.length > 0 && (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((c) => (
            <li key={c.id}>
              <Button
                variant="default"
                size="compact-md"
                loading={pending}
                onClick={() => onPick(c)}
                aria-label={actionLabel(c.displayName)}
                data-testid="candidate"
              >
                {c.displayName} · {c.email}
              </Button>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
