import { Button, Group, type MantineSpacing, SimpleGrid, type StyleProp } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { type FormEvent, type ReactNode, useState } from 'react';

interface Props {
  /** The search landmark's accessible name. */
  label: string;
  testId?: string;
  /** Apply what is typed at once (Enter or the submit button). */
  onSubmit: () => void;
  submitLabel: string;
  submitVariant?: 'outline' | 'filled';
  /** «Reset filters», shown while any filter is set. */
  reset?: { label: string; active: boolean; onReset: () => void };
  cols?: StyleProp<number>;
  spacing?: StyleProp<MantineSpacing>;
  /** Controls in the button row, before the submit button (e.g. a checkbox) and after it. */
  before?: ReactNode;
  after?: ReactNode;
  actionsMt?: MantineSpacing;
  /** The filter inputs, laid out in a grid. */
  children: ReactNode;
}

/** A list's filters: a search landmark with a form, the inputs in a grid, «search» and «reset» below. */
export function ListFilters({
  label,
  testId,
  onSubmit,
  submitLabel,
  submitVariant = 'outline',
  reset,
  cols = { base: 1, sm: 3 },
  spacing,
  before,
  after,
  actionsMt = 'sm',
  children,
}: Props) {
  return (
    <search aria-label={label} data-testid={testId}>
      <form
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <SimpleGrid cols={cols} spacing={spacing}>
          {children}
        </SimpleGrid>
        <Group mt={actionsMt} gap="sm" wrap="wrap">
          {before}
          <Button type="submit" variant={submitVariant}>
            {submitLabel}
          </Button>
          {after}
          {reset?.active && (
            <Button variant="subtle" onClick={reset.onReset}>
              {reset.label}
            </Button>
          )}
        </Group>
      </form>
    </search>
  );
}

/**
 * A filter typed as text: applied after a pause in typing, at once by `flush` (on submit), and cleared
 * by `clear` (on reset) without a late application of what was typed before.
 */
export function useDebouncedText(initial: string, apply: (value: string) => void, delay = 400) {
  const [value, setValue] = useState(initial);
  const debounced = useDebouncedCallback(apply, delay);
  return {
    value,
    onChange: (next: string) => {
      setValue(next);
      debounced(next);
    },
    flush: (): string => {
      debounced.cancel();
      return value;
    },
    clear: () => {
      debounced.cancel();
      setValue('');
    },
  };
}
