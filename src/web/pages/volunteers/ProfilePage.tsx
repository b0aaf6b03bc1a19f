import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Chip,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ageGroup, ageOn, isIsoDate, isoDay } from '../../../shared/age';
import { UpdateProfileBody, VISIBLE_FIELDS, type VisibleField } from '../../../shared/contracts/volunteers';
import {
  type OwnProfile,
  type ProfileForm,
  useMunicipalityOptions,
  useMyProfile,
  useSaveProfile,
  useVocabulary,
  volunteerKeys,
} from '../../api/volunteers-queries';
import {
  EditConflictAlert,
  mergeEdits,
  useEditVersion,
  withoutConflict,
} from '../../components/EditConflict';
import { ErrorAlert } from '../../components/ErrorAlert';
import { localName } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { RequireUser } from '../../components/RequireUser';
import { usePageTitle } from '../../components/usePageTitle';
import { useContractForm } from '../../forms/useContractForm';
import { AvailabilityGrid } from './AvailabilityGrid';
import { EligibilityNotice } from './EligibilityNotice';
import { ProfilePhoto } from './ProfilePhoto';

/** /volunteer/profile: the volunteer's own profile form and what other centres may see. */
export function ProfilePage() {
  const { t } = useTranslation();
  const title = t('volunteers.profile.title');
  usePageTitle(title);
  return <RequireUser title={title}>{() => <ProfileLoader title={title} />}</RequireUser>;
}

function ProfileLoader({ title }: { title: string }) {
  const { t } = useTranslation();
  const profile = useMyProfile();
  const vocabulary = useVocabulary();
  if (profile.isPending || vocabulary.isPending) return <LoadingBlock />;
  if (profile.isError || vocabulary.isError) {
    return (
      <Stack>
        <Title order={1}>{title}</Title>
        <ErrorAlert error={profile.error ?? vocabulary.error} title={t('volunteers.profile.cannotLoad')} />
      </Stack>
    );
  }
  return <ProfileEditor title={title} profile={profile.data.profile} vocabulary={vocabulary.data} />;
}

const toForm = (p: OwnProfile): ProfileForm => ({
  fullName: p.fullName,
  birthDate: p.birthDate,
  profession: p.profession,
  skills: p.skills,
  skillTags: p.skillTags,
  languages: p.languages,
  municipalityId: p.municipalityId,
  homeCenterId: p.homeCenterId,
  homePoint: p.homePoint,
  availability: p.availability,
  interests: p.interests,
  about: p.about,
  visibleFields: p.visibleFields,
});

/** The form's values: the body's fields, with the home point as the two texts typed. */
type Values = ProfileForm & { lat: string; lon: string };

const valuesOf = (p: OwnProfile): Values => ({
  ...toForm(p),
  lat: p.homePoint ? String(p.homePoint.lat) : '',
  lon: p.homePoint ? String(p.homePoint.lon) : '',
});

/** A coordinate typed with a comma or a point; what is not a number stays text, for the contract to refuse. */
const coordinate = (text: string): number => {
  const value = Number(text.trim().replace(',', '.'));
  return (Number.isFinite(value) ? value : text) as number;
};

const toBody = ({ lat, lon, ...form }: Values): ProfileForm => ({
  ...form,
  birthDate: form.birthDate || null,
  homePoint: lat.trim() && lon.trim() ? { lat: coordinate(lat), lon: coordinate(lon) } : null,
});

const FIELD_OF_BODY: Record<string, string> = { 'homePoint.lat': 'lat', 'homePoint.lon': 'lon' };

function ProfileEditor(props: {
  title: string;
  profile: OwnProfile;
  vocabulary: { skills: VocabItem[]; interests: VocabItem[] };
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const save = useSaveProfile();
  const errors = useContractForm<Values>({
    initialValues: valuesOf(props.profile),
    schema: async () => UpdateProfileBody,
    body: toBody,
    fieldOf: (path) => FIELD_OF_BODY[path] ?? path,
  });
  const form = errors.values;
  // The form saves over the version it was opened on; a newer one is a conflict (ADR 0017).
  const edit = useEditVersion(props.profile.version);
  const [base, setBase] = useState<Values>(() => valuesOf(props.profile));
  const municipalities = useMunicipalityOptions();
  const set = <K extends keyof Values>(key: K, value: Values[K]) => errors.setFieldValue(key, value as never);

  const birthDate = form.birthDate ?? '';
  const group = isIsoDate(birthDate) ? ageGroup(ageOn(birthDate, isoDay())) : null;
  const municipalityOptions = (municipalities.data?.items ?? [])
    .map((m) => ({ value: m.id, label: localName(m, lng) }))
    .sort((a, b) => a.label.localeCompare(b.label, lng));

  const submit = errors.submitWith((values) =>
    save.mutate(
      { body: toBody(values), ifMatch: edit.version },
      {
        onSuccess: (data) => {
          edit.saved(data.profile.version);
          setBase(valuesOf(data.profile));
        },
        onError: (error) => errors.showServerErrors(error),
      },
    ),
  );
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    save.reset();
    submit(event);
  };

  return (
    <Stack gap="lg" maw={820}>
      <Title order={1}>{props.title}</Title>
      <Text>{t('volunteers.profile.intro')}</Text>
      <Anchor component={Link} to="/my/squads" data-testid="my-squads-link">
        {t('volunteers.mySquads.profileLink')}
      </Anchor>
      <EligibilityNotice eligibility={props.profile.eligibility} withLink />
      <ProfilePhoto profile={props.profile} />
      <form ref={errors.formRef} onSubmit={onSubmit} noValidate data-testid="volunteer-profile-form">
        <Stack gap="lg">
          <EditConflictAlert
            error={save.error}
            reloaded={edit.reloaded}
            onReload={async () => {
              const current = await edit.reload(
                volunteerKeys.profile,
                (d: { profile: OwnProfile }) => d.profile.version,
              );
              // The whole form is saved: fields left alone take the current values, changes stay.
              if (current) {
                const theirs = valuesOf(current.profile);
                errors.setValues(mergeEdits(base, errors.getValues(), theirs));
                setBase(theirs);
              }
              save.reset();
            }}
          />
          <ErrorAlert
            error={withoutConflict(save.error)}
            fields={['fullName', 'birthDate', 'profession', 'municipalityId']}
          />
          {save.isSuccess && (
            <Alert color="ok" role="status">
              {t('volunteers.profile.saved')}
            </Alert>
          )}
          <Fieldset legend={t('volunteers.profile.personal')}>
            <Stack>
              <TextInput
                id="vp-full-name"
                label={t('volunteers.profile.fullName')}
                autoComplete="name"
                maxLength={100}
                value={form.fullName ?? ''}
                onChange={(e) => set('fullName', e.currentTarget.value)}
                error={errors.errors.fullName}
              />
              <TextInput
                id="vp-birth-date"
                type="date"
                label={t('volunteers.profile.birthDate')}
                description={t('volunteers.profile.birthDateHint')}
                autoComplete="bday"
                value={birthDate}
                onChange={(e) => set('birthDate', e.currentTarget.value || null)}
                error={errors.errors.birthDate}
              />
              {group && (
                <Group>
                  <Badge variant="light" size="lg">
                    {t('volunteers.profile.ageGroup', { group: t(`volunteers.ageGroups.${group}`) })}
                  </Badge>
                </Group>
              )}
              <TextInput
                id="vp-profession"
                label={t('volunteers.profile.profession')}
                maxLength={100}
                value={form.profession ?? ''}
                onChange={(e) => set('profession', e.currentTarget.value)}
                error={errors.errors.profession}
              />
              <Textarea
                id="vp-about"
                label={t('volunteers.profile.about')}
                maxLength={2000}
                autosize
                minRows={3}
                value={form.about ?? ''}
                onChange={(e) => set('about', e.currentTarget.value)}
              />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('volunteers.profile.skills')}>
            <Stack>
              <Chip.Group multiple value={form.skills} onChange={(v) => set('skills', v)}>
                <Group gap="xs">
                  {props.vocabulary.skills.map((s) => (
                    <Chip key={s.code} value={s.code}>
                      {localName(s, lng)}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
              <TagsInput
                id="vp-skill-tags"
                label={t('volunteers.profile.skillTags')}
                description={t('volunteers.profile.skillTagsHint')}
                value={form.skillTags}
                onChange={(v) => set('skillTags', v)}
                maxTags={20}
              />
              <TagsInput
                id="vp-languages"
                label={t('volunteers.profile.languages')}
                description={t('volunteers.profile.languagesHint')}
                value={form.languages}
                onChange={(v) =>
                  set(
                    'languages',
                    v.map((l) => l.trim().toLowerCase()),
                  )
                }
                maxTags={20}
              />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('volunteers.profile.interests')}>
            <Chip.Group multiple value={form.interests} onChange={(v) => set('interests', v)}>
              <Group gap="xs">
                {props.vocabulary.interests.map((s) => (
                  <Chip key={s.code} value={s.code}>
                    {localName(s, lng)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Fieldset>

          <Fieldset legend={t('volunteers.profile.place')}>
            <Stack>
              <NativeSelect
                id="vp-municipality"
                label={t('volunteers.profile.municipality')}
                value={form.municipalityId ?? ''}
                onChange={(e) => set('municipalityId', e.currentTarget.value || null)}
                data={[{ value: '', label: t('volunteers.profile.noMunicipality') }, ...municipalityOptions]}
                error={errors.errors.municipalityId}
              />
              <Text size="sm" fw={500}>
                {t('volunteers.profile.homePoint')}
              </Text>
              <SimpleGrid cols={{ base: 1, xs: 2 }}>
                <TextInput
                  id="vp-lat"
                  inputMode="decimal"
                  label={t('volunteers.profile.lat')}
                  {...errors.getInputProps('lat')}
                />
                <TextInput
                  id="vp-lon"
                  inputMode="decimal"
                  label={t('volunteers.profile.lon')}
                  {...errors.getInputProps('lon')}
                />
              </SimpleGrid>
            </Stack>
          </Fieldset>

          <Fieldset legend={t('volunteers.profile.availability')}>
            <Text size="sm" id="availability-hint" mb="xs">
              {t('volunteers.profile.availabilityHint')}
            </Text>
            <AvailabilityGrid value={form.availability} onChange={(v) => set('availability', v)} />
          </Fieldset>

          <Fieldset legend={t('volunteers.profile.visibility')}>
            <Text size="sm" mb="xs">
              {t('volunteers.profile.visibilityHint')}
            </Text>
            <Checkbox.Group
              value={form.visibleFields}
              onChange={(v) => set('visibleFields', v as VisibleField[])}
            >
              <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }}>
                {VISIBLE_FIELDS.map((f) => (
                  <Checkbox key={f} value={f} label={t(`volunteers.fields.${f}`)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          </Fieldset>

          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('volunteers.profile.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

type VocabItem = { code: string; nameRu: string; nameEn: string };
