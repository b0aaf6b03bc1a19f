import {
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Spoiler,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ConsentItem, useGiveConsent, useWithdrawConsent } from '../../api/volunteers-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { useContractForm } from '../../forms/useContractForm';

const RELATIONS = ['parent', 'adoptive_parent', 'guardian', 'trustee'] as const;
type Relation = (typeof RELATIONS)[number];
type Values = { agreed: boolean; guardian: { name: string; contact: string; relation: Relation } };

/**
 * One consent document: its text and version, the own record (given / withdrawn with time), and the act
 * itself — an unticked checkbox and a button; for the guardian's consent also the guardian's details.
 */
export function ConsentCard({ item }: { item: ConsentItem }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const give = useGiveConsent();
  const withdraw = useWithdrawConsent();
  const isGuardian = item.purpose === 'guardian_consent';
  const bodyOf = (v: Values) => ({
    purpose: item.purpose,
    version: item.version,
    agreed: v.agreed,
    ...(isGuardian ? { guardian: v.guardian } : {}),
  });
  const form = useContractForm<Values>({
    initialValues: { agreed: false, guardian: { name: '', contact: '', relation: 'parent' } },
    schema: () => import('../../../shared/contracts/volunteers').then((m) => m.GiveConsentBody),
    body: bodyOf,
    // The guardian is named and reachable (the contract only bounds the lengths).
    check: (v, t) =>
      isGuardian
        ? Object.fromEntries(
            (['name', 'contact'] as const)
              .filter((f) => !v.guardian[f].trim())
              .map((f) => [`guardian.${f}`, t('validation.required')]),
          )
        : {},
    serverError: give.error,
  });
  const { agreed, guardian } = form.values;
  const headingId = `consent-${item.purpose}`;
  const title = lng === 'en' ? item.titleEn : item.titleRu;
  const text = lng === 'en' ? item.textEn : item.textRu;
  const given = item.given;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h4" id={headingId}>
            {title}
          </Title>
          <Badge color={item.required ? 'blue' : 'gray'} variant="light">
            {item.required ? t('volunteers.consents.required') : t('volunteers.consents.optional')}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('volunteers.consents.version', { version: item.version })}
        </Text>
        <Spoiler
          maxHeight={72}
          showLabel={t('volunteers.consents.showText')}
          hideLabel={t('volunteers.consents.hideText')}
        >
          <Text size="sm">{text}</Text>
        </Spoiler>
        <Text size="sm" role="status">
          {given
            ? given.withdrawnAt
              ? t('volunteers.consents.withdrawnAt', { date: formatDateTime(given.withdrawnAt, lng) })
              : t('volunteers.consents.givenAt', {
                  date: formatDateTime(given.givenAt, lng),
                  version: given.version,
                })
            : t('volunteers.consents.notGiven')}
        </Text>
        {given?.guardian && !given.withdrawnAt && (
          <Text size="sm">{t('volunteers.consents.guardianBy', { name: given.guardian.name })}</Text>
        )}
        {item.renewalNeeded && (
          <Text size="sm" fw={700}>
            {t('volunteers.consents.renewal')}
          </Text>
        )}
        <ErrorAlert error={give.error ?? withdraw.error} fields={['guardian.name', 'guardian.contact']} />
        {item.active ? (
          <Group>
            <Badge color="ok">{t('volunteers.consents.active')}</Badge>
            <Button
              variant="default"
              loading={withdraw.isPending}
              onClick={() => withdraw.mutate(item.purpose)}
            >
              {t('volunteers.consents.withdraw')}
            </Button>
          </Group>
        ) : (
          <form
            ref={form.formRef}
            noValidate
            onSubmit={form.submitWith((v) =>
              give.mutate(bodyOf(v), { onSuccess: () => form.setFieldValue('agreed', false) }),
            )}
          >
            <Stack gap="sm">
              {isGuardian && (
                <>
                  <TextInput
                    id="guardian-name"
                    label={t('volunteers.consents.guardianName')}
                    {...form.getInputProps('guardian.name')}
                    maxLength={100}
                    required
                  />
                  <TextInput
                    id="guardian-contact"
                    label={t('volunteers.consents.guardianContact')}
                    {...form.getInputProps('guardian.contact')}
                    maxLength={254}
                    required
                  />
                  <NativeSelect
                    id="guardian-relation"
                    label={t('volunteers.consents.guardianRelation')}
                    value={guardian.relation}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      const relation = RELATIONS.find((r) => r === v);
                      if (relation) form.setFieldValue('guardian.relation', relation);
                    }}
                    data={RELATIONS.map((r) => ({
                      value: r,
                      label: t(`volunteers.consents.relations.${r}`),
                    }))}
                  />
                </>
              )}
              <Checkbox
                id={`agree-${item.purpose}`}
                {...form.getInputProps('agreed', { type: 'checkbox' })}
                label={t('volunteers.consents.agree')}
              />
              <Group>
                <Button type="submit" disabled={!agreed} loading={give.isPending}>
                  {t('volunteers.consents.give')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
