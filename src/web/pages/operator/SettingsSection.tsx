import { Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { type Contract, type FieldDef, SettingsForm, type Values } from './SettingsForm';

export interface Row {
  key: string;
  /** The row's name, used in the edit button's accessible name and the form's heading. */
  name: string;
  cells: ReactNode[];
  edit?: {
    fields: FieldDef[];
    initial: Values;
    /** `ifMatch`: the entry's version when the form opened (ADR 0017). */
    save: (values: Values, ifMatch?: number) => Promise<unknown>;
    contract: Contract;
    /** The entry's version now, and its current data reloaded (after an edit conflict). */
    version?: number;
    latestVersion?: () => Promise<number | undefined>;
  };
}

interface Props {
  id: string;
  title: string;
  lead: string;
  columns: string[];
  rows: Row[] | undefined;
  error: unknown;
  create?: {
    label: string;
    fields: FieldDef[];
    initial: Values;
    save: (values: Values) => Promise<unknown>;
    contract: Contract;
  };
}

/** One settings vocabulary: a table of its entries, an edit form per entry, and a form to add one. */
export function SettingsSection({ id, title, lead, columns, rows, error, create }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const current = rows?.find((r) => r.key === editing);

  return (
    <Stack component="section" gap="sm" aria-labelledby={`${id}-title`}>
      <Title order={2} size="h3" id={`${id}-title`}>
        {title}
      </Title>
      <Text size="sm">{lead}</Text>
      <ErrorAlert error={error} title={t('errors.loadFailed')} />
      {!rows && !error && <LoadingBlock />}
      {notice && (
        <Text role="status" c="ok.8" size="sm">
          {notice}
        </Text>
      )}
      {rows && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region needs keyboard access (WCAG 2.1.1)
        <section className="table-scroll" aria-labelledby={`${id}-caption`} tabIndex={0}>
          <Table data-testid={`${id}-table`} striped withTableBorder verticalSpacing="xs">
            <Table.Caption id={`${id}-caption`}>{title}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => (
                  <Table.Th scope="col" key={c}>
                    {c}
                  </Table.Th>
                ))}
                <Table.Th scope="col">
                  <VisuallyHidden>{t('operator.settings.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  {r.cells.map((cell, i) =>
                    i === 0 ? (
                      <Table.Th scope="row" fw={400} key={columns[i]}>
                        {cell}
                      </Table.Th>
                    ) : (
                      <Table.Td key={columns[i]}>{cell}</Table.Td>
                    ),
                  )}
                  <Table.Td>
                    {r.edit && (
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        onClick={() => {
                          setNotice(null);
                          setAdding(false);
                          setEditing(r.key);
                        }}
                        aria-label={t('operator.settings.editLabel', { name: r.name })}
                      >
                        {t('operator.settings.edit')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      )}
      {current?.edit && (
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="sm">
            {t('operator.settings.editTitle', { name: current.name })}
          </Title>
          <SettingsForm
            key={current.key}
            idPrefix={`${id}-edit`}
            fields={current.edit.fields}
            initial={current.edit.initial}
            submitLabel={t('common.save')}
            save={current.edit.save}
            contract={current.edit.contract}
            version={current.edit.version}
            latestVersion={current.edit.latestVersion}
            onSaved={() => {
              setNotice(t('operator.settings.saved', { name: current.name }));
              setEditing(null);
            }}
            onCancel={() => setEditing(null)}
            testId={`${id}-edit-form`}
          />
        </Paper>
      )}
      {create && !adding && (
        <Group>
          <Button
            variant="outline"
            onClick={() => {
              setNotice(null);
              setEditing(null);
              setAdding(true);
            }}
            data-testid={`${id}-add`}
          >
            {create.label}
          </Button>
        </Group>
      )}
      {create && adding && (
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="sm">
            {create.label}
          </Title>
          <SettingsForm
            idPrefix={`${id}-new`}
            fields={create.fields}
            initial={create.initial}
            submitLabel={t('operator.settings.add')}
            save={create.save}
            contract={create.contract}
            onSaved={() => {
              setNotice(t('operator.settings.added'));
              setAdding(false);
            }}
            onCancel={() => setAdding(false)}
            testId={`${id}-new-form`}
          />
        </Paper>
      )}
    </Stack>
  );
}
