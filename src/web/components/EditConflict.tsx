/**
 * Concurrent edits in forms (ADR 0017). A form remembers the version of the record it started from and
 * sends it as If-Match; background refetches do not move it, so a save can never silently overwrite what
 * someone else saved meanwhile. When the server answers 412 `edit_conflict`, the form says so in plain
 * words and offers to load the current version: the page shows the record as it is now, the user's input
 * stays in the form, and the next save starts from the new version.
 */
import { Alert, Button, Text } from '@mantine/core';
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';

export const isEditConflict = (error: unknown) => isApiError(error, 412, 'edit_conflict');

/** The error for the form's ordinary error alert: a conflict has its own notice. */
export const withoutConflict = (error: unknown) => (isEditConflict(error) ? null : error);

export { changedFields, mergeEdits } from './editMerge';

export type EditVersion = {
  /** The version the edit started from: pass as `ifMatch`. */
  version: number | undefined;
  /** The form opens (or resets) on the record as it is: edit from its version. */
  start(version: number | undefined): void;
  /** The save succeeded: go on from the version the server answered with. */
  saved(version: number | undefined): void;
  /** After a conflict: refetch the record and go on from its current version (returns the data). */
  reload<T>(queryKey: QueryKey, versionOf: (data: T) => number | undefined): Promise<T | undefined>;
  /** The same, for a record read by a call of its own (e.g. one entry of a list): `fetch` gives its version. */
  reloadFrom(fetch: () => Promise<number | undefined>): Promise<void>;
  /** True after `reload` until the next save or start: the form shows a note. */
  reloaded: boolean;
};

export function useEditVersion(initial: number | undefined): EditVersion {
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(initial);
  const [reloaded, setReloaded] = useState(false);
  const start = useCallback((v: number | undefined) => {
    setVersion(v);
    setReloaded(false);
  }, []);
  const saved = start;
  const reloadFrom = useCallback(async (fetch: () => Promise<number | undefined>) => {
    setVersion(await fetch());
    setReloaded(true);
  }, []);
  const reload = useCallback(
    async <T,>(queryKey: QueryKey, versionOf: (data: T) => number | undefined) => {
      let data: T | undefined;
      await reloadFrom(async () => {
        await queryClient.refetchQueries({ queryKey, exact: true });
        data = queryClient.getQueryData<T>(queryKey);
        return data === undefined ? undefined : versionOf(data);
      });
      return data;
    },
    [queryClient, reloadFrom],
  );
  return { version, start, saved, reload, reloadFrom, reloaded };
}

/**
 * The conflict notice of a form: shown for a 412 `edit_conflict` answer, with a button that loads the
 * current version (`onReload`); afterwards a note that the input was kept.
 */
export function EditConflictAlert({
  error,
  reloaded,
  onReload,
}: {
  error: unknown;
  reloaded: boolean;
  onReload: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  if (isEditConflict(error)) {
    return (
      <Alert color="warn" title={t('conflict.title')} role="alert" data-testid="edit-conflict">
        <Text size="sm">{t('conflict.text')}</Text>
        <Button
          mt="sm"
          size="xs"
          variant="light"
          loading={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onReload();
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('conflict.reload')}
        </Button>
      </Alert>
    );
  }
  if (reloaded && !error) {
    return (
      <Text role="status" size="sm" c="warn.9" data-testid="edit-reloaded">
        {t('conflict.reloaded')}
      </Text>
    );
  }
  return null;
}
