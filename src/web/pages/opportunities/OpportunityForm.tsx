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
import { useTranslation } from 'react-i18next';
import type { BodyOf } from '../../api/client';
import { type OpportunityView, useCategories } from '../../api/opportunities-queries';
import { useVocabulary } from '../../api/volunteers-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { localName } from '../../components/format';
import { useContractForm } from '../../forms/useContractForm';
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

type Values = {
  title: string;
  description: string;
  category: string | null;
  tags: string[];
  place: PlaceState;
  contact: string;
  minAge: number | string;
  skills: string[];
  signupMode: 'auto' | 'approval';
  partner: { id: string; name: string } | null;
};

const valuesOf = (o: OpportunityView | undefined): Values => ({
  title: o?.title ?? '',
  description: o?.description ?? '',
  category: o?.category?.code ?? null,
  tags: o?.projectTags ?? [],
  place: {
    municipalityId: o?.municipality?.id ?? null,
    address: o?.address ?? '',
    lat: o?.lat ?? '',
    lon: o?.lon ?? '',
    isOnline: o?.isOnline ?? false,
  },
  contact: o?.contact ?? '',
  minAge: o?.minAge ?? '',
  skills: o?.requiredSkills ?? [],
  signupMode: o?.signupMode ?? 'auto',
  partner: o?.partnerOrganization ?? null,
});

/** The body the values make; `initial` is the opportunity being edited (absent for a new one). */
function toBody(v: Values, initial: OpportunityView | undefined): Body {
  const { place } = v;
  const online = place.isOnline;
  return {
    title: v.title.trim(),
    description: v.description,
    category: v.category,
    projectTags: [...new Set(v.tags.map(untag).filter(Boolean))],
    // A new opportunity without a municipality gets the centre's (the server's default).
    ...(place.municipalityId || initial ? { municipalityId: place.municipalityId } : {}),
    address: online ? null : place.address.trim() || null,
    lat: online || typeof place.lat !== 'number' ? null : place.lat,
    lon: online || typeof place.lon !== 'number' ? null : place.lon,
    isOnline: online,
    contact: v.contact.trim() || null,
    // A typed age that is not a whole number stays as typed, for the contract to refuse.
    minAge: v.minAge === '' ? null : (v.minAge as number),
    requiredSkills: v.skills,
    signupMode: v.signupMode,
    partnerOrganizationId: v.partner?.id ?? null,
  };
}

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
  const form = useContractForm<Values>({
    initialValues: valuesOf(o),
    schema: () => import('../../../shared/contracts/opportunities').then((m) => m.CreateOpportunityBody),
    body: (v) => toBody(v, o),
    messages: (t) => ({
      title: { required: t('opportunities.form.titleRequired') },
      minAge: t('opportunities.form.minAgeInvalid'),
    }),
    // A point half typed, or out of range, is named in the place's own words.
    check: (v, t) =>
      placeErrors(v.place, {
        latInvalid: t('opportunities.form.latInvalid'),
        lonInvalid: t('opportunities.form.lonInvalid'),
        pointIncomplete: t('opportunities.form.pointIncomplete'),
      }),
    serverError: props.error,
  });
  const { values, errors } = form;
  const set = <K extends keyof Values>(key: K, value: Values[K]) => form.setFieldValue(key, value as never);
  const { skills } = values;
  const lng = i18n.language;
  const skillItems = vocabulary.data?.skills ?? [];
  // A required skill no longer in the vocabulary still shows (by its code) so it can be removed.
  const skillData = [
    ...skillItems.map((s) => ({ value: s.code, label: localName(s, lng) })),
    ...skills.filter((c) => !skillItems.some((s) => s.code === c)).map((c) => ({ value: c, label: c })),
  ];

  return (
    <form ref={form.formRef} noValidate onSubmit={form.submitWith((v) => props.onSubmit(toBody(v, o)))}>
      <Stack gap="sm">
        <ErrorAlert error={props.error} fields={FIELDS} />
        <TextInput
          label={t('opportunities.form.title')}
          {...form.getInputProps('title')}
          required
          maxLength={200}
        />
        <Textarea
          label={t('opportunities.form.description')}
          {...form.getInputProps('description')}
          autosize
          minRows={3}
          maxLength={10000}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('opportunities.form.category')}
            data={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: localName(c, lng) }))}
            {...form.getInputProps('category')}
            clearable
          />
          <TagsInput
            label={t('opportunities.form.projectTags')}
            description={t('opportunities.form.projectTagsHint')}
            data={TAG_SUGGESTIONS}
            value={values.tags}
            onChange={(v) => set('tags', v.map(untag).filter(Boolean))}
            error={errors.projectTags}
            maxTags={20}
            clearable
          />
        </SimpleGrid>
        <OpportunityPlaceFields value={values.place} onChange={(p) => set('place', p)} errors={errors} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NumberInput
            label={t('opportunities.form.minAge')}
            description={t('opportunities.form.minAgeHint')}
            {...form.getInputProps('minAge')}
            min={14}
            max={99}
            allowDecimal={false}
          />
          <MultiSelect
            label={t('opportunities.form.requiredSkills')}
            description={t('opportunities.form.requiredSkillsHint')}
            data={skillData}
            value={skills}
            onChange={(v) => set('skills', v)}
            error={errors.requiredSkills}
            maxValues={20}
            searchable
            clearable
          />
          <TextInput
            label={t('opportunities.form.contact')}
            description={t('opportunities.form.contactHint')}
            {...form.getInputProps('contact')}
            maxLength={300}
          />
          <Radio.Group
            label={t('opportunities.form.signupMode')}
            value={values.signupMode}
            onChange={(v) => set('signupMode', v === 'approval' ? 'approval' : 'auto')}
            error={errors.signupMode}
          >
            <Group gap="md" mt={6}>
              <Radio value="auto" label={t('opportunities.form.signupAuto')} />
              <Radio value="approval" label={t('opportunities.form.signupApproval')} />
            </Group>
          </Radio.Group>
        </SimpleGrid>
        <PartnerPicker
          centerId={props.centerId}
          value={values.partner}
          onChange={(p) => set('partner', p)}
          error={errors.partnerOrganizationId}
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
