import { Button, Checkbox, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyOf } from '../../api/client';
import { type OpportunityView, useCategories } from '../../api/opportunities-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { localName } from '../../components/format';
import { useFormErrors } from '../../components/forms';

type Body = BodyOf<'createOpportunity'>;
const FIELDS = ['title', 'description', 'category', 'address', 'contact', 'minAge', 'isOnline'] as const;

/** The main fields of an opportunity, for creating one or editing it. */
export function OpportunityForm(props: {
  initial?: OpportunityView;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: Body) => void;
}) {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const o = props.initial;
  const [title, setTitle] = useState(o?.title ?? '');
  const [description, setDescription] = useState(o?.description ?? '');
  const [category, setCategory] = useState<string | null>(o?.category?.code ?? null);
  const [address, setAddress] = useState(o?.address ?? '');
  const [contact, setContact] = useState(o?.contact ?? '');
  const [minAge, setMinAge] = useState<number | string>(o?.minAge ?? '');
  const [isOnline, setIsOnline] = useState(o?.isOnline ?? false);
  const form = useFormErrors(props.error);

  return (
    <form
      ref={form.formRef}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!form.validate(title.trim() ? {} : { title: t('opportunities.form.titleRequired') })) return;
        props.onSubmit({
          title: title.trim(),
          description,
          category,
          address: address.trim() || null,
          contact: contact.trim() || null,
          minAge: typeof minAge === 'number' ? minAge : null,
          isOnline,
        });
      }}
    >
      <Stack gap="sm">
        <ErrorAlert error={props.error} fields={FIELDS} />
        <TextInput
          label={t('opportunities.form.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={form.errors.title}
          required
          maxLength={200}
        />
        <Textarea
          label={t('opportunities.form.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={form.errors.description}
          autosize
          minRows={3}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('opportunities.form.category')}
            data={(categories.data?.items ?? []).map((c) => ({
              value: c.code,
              label: localName(c, i18n.language),
            }))}
            value={category}
            onChange={setCategory}
            error={form.errors.category}
            clearable
          />
          <NumberInput
            label={t('opportunities.form.minAge')}
            value={minAge}
            onChange={setMinAge}
            min={14}
            max={99}
            error={form.errors.minAge}
          />
          <TextInput
            label={t('opportunities.form.address')}
            value={address}
            onChange={(e) => setAddress(e.currentTarget.value)}
            error={form.errors.address}
          />
          <TextInput
            label={t('opportunities.form.contact')}
            value={contact}
            onChange={(e) => setContact(e.currentTarget.value)}
            error={form.errors.contact}
          />
        </SimpleGrid>
        <Checkbox
          label={t('opportunities.form.isOnline')}
          checked={isOnline}
          onChange={(e) => setIsOnline(e.currentTarget.checked)}
        />
        <div>
          <Button type="submit" loading={props.pending}>
            {props.submitLabel}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
