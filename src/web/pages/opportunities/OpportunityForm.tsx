import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyOf } from '../../api/client';
import { type OpportunityView, useCategories } from '../../api/opportunities-queries';
import { useVocabulary } from '../../api/volunteers-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { localName } from '../../components/format';
import { useFormErrors } from '../../components/forms';
import { OpportunityPlaceFields, type PlaceState, placeErrors } from './OpportunityPlaceFields';
import { PartnerPicker } from './PartnerPicker';

type Body = BodyOf<'createOpportunity'>;
/** Fields with an input of their own: their server errors show under the input, not in the alert. */
const FIELDS = [
  'title',
  'description',
  'category',
  'projectTags',
  'municipalityId',
  'address',
  'lat',
  'lon',
  'isOnline',
  'contact',
  'minAge',
  'requiredSkills',
  'signupMode',
  'partnerOrganizationId',
] as const;
/** Project tags offered while typing (any other tag may be typed too). */
export const TAG_SUGGESTIONS = ['МЫВМЕСТЕ', 'Добро.Центр', 'серебряные волонтёры', 'экология', 'ЗОЖ'];
const untag = (tag: string) => tag.trim().replace(/^#+/, '').trim();

/**
 * The fields of an opportunity, for creating one or editing it; the partner is picked from the region's
 * registered organizations.
 */
export function OpportunityForm(props: {
  /** The centre the opportunity belongs to (whose partner list is offered). */
  centerId: string;
  initial?: OpportunityView;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: Body) => void;
}) {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const vocabulary = useVocabulary();
  const o = props.initial;
  const [title, setTitle] = useState(o?.title ?? '');
  const [description, setDescription] = useState(o?.description ?? '');
  const [category, setCategory] = useState<string | null>(o?.category?.code ?? null);
  const [tags, setTags] = useState<string[]>(o?.projectTags ?? []);
  const [place, setPlace] = useState<PlaceState>({
    municipalityId: o?.municipality?.id ?? null,
    address: o?.address ?? '',
    lat: o?.lat ?? '',
    lon: o?.lon ?? '',
    isOnline: o?.isOnline ?? false,
  });
  const [contact, setContact] = useState(o?.contact ?? '');
  const [minAge, setMinAge] = useState<number | string>(o?.minAge ?? '');
  const [skills, setSkills] = useState<string[]>(o?.requiredSkills ?? []);
  const [signupMode, setSignupMode] = useState<'auto' | 'approval'>(o?.signupMode ?? 'auto');
  const [partner, setPartner] = useState<{ id: string; name: string } | null>(o?.partnerOrganization ?? null);
  const form = useFormErrors(props.error);
  const lng = i18n.language;
  const skillItems = vocabulary.data?.skills ?? [];
  // A required skill no longer in the vocabulary still shows (by its code) so it can be removed.
  const skillData = [
    ...skillItems.map((s) => ({ value: s.code, label: localName(s, lng) })),
    ...skills.filter((c) => !skillItems.some((s) => s.code === c)).map((c) => ({ value: c, label: c })),
  ];

  const submit = () => {
    const errors = placeErrors(place, {
      latInvalid: t('opportunities.form.latInvalid'),
      lonInvalid: t('opportunities.form.lonInvalid'),
      pointIncomplete: t('opportunities.form.pointIncomplete'),
    });
    if (!title.trim()) errors.title = t('opportunities.form.titleRequired');
    if (minAge !== '' && (typeof minAge !== 'number' || minAge < 14 || minAge > 99))
      errors.minAge = t('opportunities.form.minAgeInvalid');
    if (!form.validate(errors)) return;
    const online = place.isOnline;
    props.onSubmit({
      title: title.trim(),
      description,
      category,
      projectTags: [...new Set(tags.map(untag).filter(Boolean))],
      // A new opportunity without a municipality gets the centre's (the server's default).
      ...(place.municipalityId || o ? { municipalityId: place.municipalityId } : {}),
      address: online ? null : place.address.trim() || null,
      lat: online || typeof place.lat !== 'number' ? null : place.lat,
      lon: online || typeof place.lon !== 'number' ? null : place.lon,
      isOnline: online,
      contact: contact.trim() || null,
      minAge: typeof minAge === 'number' ? minAge : null,
      requiredSkills: skills,
      signupMode,
      partnerOrganizationId: partner?.id ?? null,
    });
  };

  return (
    <form
      ref={form.formRef}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
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
          maxLength={10000}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('opportunities.form.category')}
            data={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: localName(c, lng) }))}
            value={category}
            onChange={setCategory}
            error={form.errors.category}
            clearable
          />
          <TagsInput
            label={t('opportunities.form.projectTags')}
            description={t('opportunities.form.projectTagsHint')}
            data={TAG_SUGGESTIONS}
            value={tags}
            onChange={(v) => setTags(v.map(untag).filter(Boolean))}
            error={form.errors.projectTags}
            maxTags={20}
            clearable
          />
        </SimpleGrid>
        <OpportunityPlaceFields value={place} onChange={setPlace} errors={form.errors} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NumberInput
            label={t('opportunities.form.minAge')}
            description={t('opportunities.form.minAgeHint')}
            value={minAge}
            onChange={setMinAge}
            min={14}
            max={99}
            allowDecimal={false}
            error={form.errors.minAge}
          />
          <MultiSelect
            label={t('opportunities.form.requiredSkills')}
            description={t('opportunities.form.requiredSkillsHint')}
            data={skillData}
            value={skills}
            onChange={setSkills}
            error={form.errors.requiredSkills}
            maxValues={20}
            searchable
            clearable
          />
          <TextInput
            label={t('opportunities.form.contact')}
            description={t('opportunities.form.contactHint')}
            value={contact}
            onChange={(e) => setContact(e.currentTarget.value)}
            error={form.errors.contact}
            maxLength={300}
          />
          <Radio.Group
            label={t('opportunities.form.signupMode')}
            value={signupMode}
            onChange={(v) => setSignupMode(v === 'approval' ? 'approval' : 'auto')}
            error={form.errors.signupMode}
          >
            <Group gap="md" mt={6}>
              <Radio value="auto" label={t('opportunities.form.signupAuto')} />
              <Radio value="approval" label={t('opportunities.form.signupApproval')} />
            </Group>
          </Radio.Group>
        </SimpleGrid>
        <PartnerPicker
          centerId={props.centerId}
          value={partner}
          onChange={setPartner}
          error={form.errors.partnerOrganizationId}
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
