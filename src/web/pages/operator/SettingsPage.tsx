import { Anchor, Badge, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  appKeys,
  type DocumentKind,
  type ServiceKind,
  type Stage,
  useDocumentKinds,
  useServiceKinds,
  useStages,
} from '../../api/applications-queries';
import { api } from '../../api/client';
import { localName } from '../../components/format';
import { isRegionalOperator, RequireRole } from '../../components/RequireRole';
import { usePageTitle } from '../../components/usePageTitle';
import { type Contract, changed, type FieldDef, type Values } from './SettingsForm';
import { type Row, SettingsSection } from './SettingsSection';
import {
  contract,
  docBody,
  newDocBody,
  newServiceBody,
  newStageBody,
  serviceBody,
  stageBody,
} from './settingsBodies';

/** /operator/settings: review stages, the document checklist and the centres' service kinds. */
export function SettingsPage() {
  const { t } = useTranslation();
  const title = t('operator.settings.title');
  usePageTitle(title);
  return (
    <RequireRole title={title} allow={isRegionalOperator}>
      {() => <Settings />}
    </RequireRole>
  );
}

function Settings() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const queryClient = useQueryClient();
  const stages = useStages(true);
  const documentKinds = useDocumentKinds(true);
  const serviceKinds = useServiceKinds(true);
  const refresh = () => queryClient.invalidateQueries({ queryKey: appKeys.settings() });
  const yes = t('common.yes');
  const no = t('common.no');
  const activeBadge = (active: boolean) => (
    <Badge color={active ? 'ok.8' : 'gray.7'} variant="filled" radius="sm" tt="none">
      {active ? t('operator.settings.active') : t('operator.settings.retired')}
    </Badge>
  );

  const names = (): FieldDef[] => [
    { name: 'nameRu', label: t('operator.settings.nameRu'), kind: 'text', required: true },
    { name: 'nameEn', label: t('operator.settings.nameEn'), kind: 'text', required: true },
  ];
  const codeField: FieldDef = {
    name: 'code',
    label: t('operator.settings.code'),
    description: t('operator.settings.codeHint'),
    kind: 'text',
    required: true,
    max: 40,
  };
  const position: FieldDef = {
    name: 'position',
    label: t('operator.settings.position'),
    description: t('operator.settings.positionHint'),
    kind: 'number',
    required: true,
  };
  const activeField: FieldDef = {
    name: 'active',
    label: t('operator.settings.activeLabel'),
    kind: 'checkbox',
  };

  // ——— Stages ———
  const stageItems = [...(stages.data?.items ?? [])].sort((a, b) => a.position - b.position);
  const submitted = stageItems.find((s) => s.code === 'submitted');
  const opened = stageItems.find((s) => s.code === 'opened');
  const lastReview = stageItems.filter((s) => s.kind === 'review').at(-1);
  const suggested =
    lastReview && opened
      ? Math.floor((lastReview.position + opened.position) / 2)
      : (submitted?.position ?? 0) + 1;
  const stageFields = (s?: Stage): FieldDef[] => [
    ...(s ? [] : [codeField]),
    ...names(),
    position,
    { name: 'typicalDays', label: t('operator.settings.typicalDays'), kind: 'number', required: true },
    ...(s && !s.isSystem ? [activeField] : []),
  ];
  const stageValues = (s: Stage): Values => ({
    nameRu: s.nameRu,
    nameEn: s.nameEn,
    position: String(s.position),
    typicalDays: String(s.typicalDays),
    ...(s.isSystem ? {} : { active: s.active }),
  });
  const stageEdit = (s: Stage): Contract => ({
    schema: () => contract('UpdateApplicationStageBody'),
    body: (v) => stageBody(changed(stageValues(s), v)),
  });
  const stageRows: Row[] | undefined = stages.data
    ? stageItems.map((s) => ({
        key: s.code,
        name: localName(s, lng),
        cells: [
          <Stack gap={0} key="name">
            <Text>{localName(s, lng)}</Text>
            <Text size="xs" c="dimmed">
              {s.code}
            </Text>
          </Stack>,
          t(`operator.settings.stageKinds.${s.kind}`),
          s.position,
          t('applications.days', { count: s.typicalDays }),
          s.isSystem ? yes : no,
          activeBadge(s.active),
        ],
        edit: {
          fields: stageFields(s),
          initial: stageValues(s),
          contract: stageEdit(s),
          version: s.version,
          latestVersion: async () => {
            await refresh();
            const { items } = await api('applicationStages', { query: { includeRetired: true } });
            return items.find((x) => x.code === s.code)?.version;
          },
          save: async (v, ifMatch) => {
            const body = stageBody(changed(stageValues(s), v));
            if (Object.keys(body).length === 0) return null;
            await api('updateApplicationStage', { params: { code: s.code }, body, ifMatch });
            await refresh();
            return null;
          },
        },
      }))
    : undefined;

  // ——— Document kinds ———
  const stageOptions = stageItems
    .filter((s) => s.active && (s.kind === 'review' || s.kind === 'final'))
    .map((s) => ({ value: s.code, label: localName(s, lng) }));
  const docFields = (d?: DocumentKind): FieldDef[] => [
    ...(d ? [] : [codeField]),
    ...names(),
    {
      name: 'description',
      label: t('operator.settings.description'),
      kind: 'textarea',
      max: 1000,
    },
    {
      name: 'neededByStage',
      label: t('operator.settings.neededByStage'),
      description: t('operator.settings.neededByStageHint'),
      kind: 'select',
      required: true,
      options: stageOptions,
    },
    position,
    { name: 'required', label: t('operator.settings.requiredLabel'), kind: 'checkbox' },
    ...(d ? [activeField] : []),
  ];
  const docValues = (d: DocumentKind): Values => ({
    nameRu: d.nameRu,
    nameEn: d.nameEn,
    description: d.description ?? '',
    neededByStage: d.neededByStage,
    position: String(d.position),
    required: d.required,
    active: d.active,
  });
  const docItems = [...(documentKinds.data?.items ?? [])].sort((a, b) => a.position - b.position);
  const docRows: Row[] | undefined = documentKinds.data
    ? docItems.map((d) => ({
        key: d.code,
        name: localName(d, lng),
        cells: [
          <Stack gap={0} key="name">
            <Text>{localName(d, lng)}</Text>
            <Text size="xs" c="dimmed">
              {d.code}
            </Text>
          </Stack>,
          d.required ? yes : no,
          stageItems.find((s) => s.code === d.neededByStage)
            ? localName(stageItems.find((s) => s.code === d.neededByStage) as Stage, lng)
            : d.neededByStage,
          d.position,
          activeBadge(d.active),
        ],
        edit: {
          fields: docFields(d),
          initial: docValues(d),
          contract: {
            schema: () => contract('UpdateDocumentKindBody'),
            body: (v) => docBody(changed(docValues(d), v)),
          },
          version: d.version,
          latestVersion: async () => {
            await refresh();
            const { items } = await api('applicationDocumentKinds', { query: { includeRetired: true } });
            return items.find((x) => x.code === d.code)?.version;
          },
          save: async (v, ifMatch) => {
            const body = docBody(changed(docValues(d), v));
            if (Object.keys(body).length === 0) return null;
            await api('updateApplicationDocumentKind', { params: { code: d.code }, body, ifMatch });
            await refresh();
            return null;
          },
        },
      }))
    : undefined;

  // ——— Service kinds ———
  const serviceFields = (s?: ServiceKind): FieldDef[] => [
    ...(s ? [] : [codeField]),
    ...names(),
    position,
    ...(s ? [activeField] : []),
  ];
  const serviceValues = (s: ServiceKind): Values => ({
    nameRu: s.nameRu,
    nameEn: s.nameEn,
    position: String(s.position),
    active: s.active,
  });
  const serviceItems = [...(serviceKinds.data?.items ?? [])].sort((a, b) => a.position - b.position);
  const serviceRows: Row[] | undefined = serviceKinds.data
    ? serviceItems.map((s) => ({
        key: s.code,
        name: localName(s, lng),
        cells: [
          <Stack gap={0} key="name">
            <Text>{localName(s, lng)}</Text>
            <Text size="xs" c="dimmed">
              {s.code}
            </Text>
          </Stack>,
          s.position,
          activeBadge(s.active),
        ],
        edit: {
          fields: serviceFields(s),
          initial: serviceValues(s),
          contract: {
            schema: () => contract('UpdateServiceKindBody'),
            body: (v) => serviceBody(changed(serviceValues(s), v)),
          },
          version: s.version,
          latestVersion: async () => {
            await refresh();
            const { items } = await api('centerServiceKinds', { query: { includeRetired: true } });
            return items.find((x) => x.code === s.code)?.version;
          },
          save: async (v, ifMatch) => {
            const body = serviceBody(changed(serviceValues(s), v));
            if (Object.keys(body).length === 0) return null;
            await api('updateCenterServiceKind', { params: { code: s.code }, body, ifMatch });
            await refresh();
            return null;
          },
        },
      }))
    : undefined;
  const nextPosition = (items: { position: number }[]) => String((items.at(-1)?.position ?? 0) + 10);

  return (
    <Stack gap="xl" data-testid="settings-page">
      <Anchor component={Link} to="/operator">
        {t('operator.backToHub')}
      </Anchor>
      <Stack gap="sm" maw={760}>
        <Title order={1}>{t('operator.settings.title')}</Title>
        <Text>{t('operator.settings.lead')}</Text>
      </Stack>
      <SettingsSection
        id="stages"
        title={t('operator.settings.stagesTitle')}
        lead={t('operator.settings.stagesLead')}
        columns={[
          t('operator.settings.colName'),
          t('operator.settings.colKind'),
          t('operator.settings.colPosition'),
          t('operator.settings.colTypicalDays'),
          t('operator.settings.colSystem'),
          t('operator.settings.colState'),
        ]}
        rows={stageRows}
        error={stages.error}
        create={{
          label: t('operator.settings.addStage'),
          fields: stageFields(),
          initial: { code: '', nameRu: '', nameEn: '', position: String(suggested), typicalDays: '14' },
          contract: { schema: () => contract('CreateApplicationStageBody'), body: newStageBody },
          save: async (v) => {
            await api('createApplicationStage', { body: newStageBody(v) });
            await refresh();
          },
        }}
      />
      <SettingsSection
        id="document-kinds"
        title={t('operator.settings.documentsTitle')}
        lead={t('operator.settings.documentsLead')}
        columns={[
          t('operator.settings.colName'),
          t('operator.settings.colRequired'),
          t('operator.settings.colNeededBy'),
          t('operator.settings.colPosition'),
          t('operator.settings.colState'),
        ]}
        rows={docRows}
        error={documentKinds.error}
        create={{
          label: t('operator.settings.addDocument'),
          fields: docFields(),
          initial: {
            code: '',
            nameRu: '',
            nameEn: '',
            description: '',
            neededByStage: stageOptions[0]?.value ?? 'submitted',
            position: nextPosition(docItems),
            required: true,
          },
          contract: { schema: () => contract('CreateDocumentKindBody'), body: newDocBody },
          save: async (v) => {
            await api('createApplicationDocumentKind', { body: newDocBody(v) });
            await refresh();
          },
        }}
      />
      <SettingsSection
        id="service-kinds"
        title={t('operator.settings.servicesTitle')}
        lead={t('operator.settings.servicesLead')}
        columns={[
          t('operator.settings.colName'),
          t('operator.settings.colPosition'),
          t('operator.settings.colState'),
        ]}
        rows={serviceRows}
        error={serviceKinds.error}
        create={{
          label: t('operator.settings.addService'),
          fields: serviceFields(),
          initial: { code: '', nameRu: '', nameEn: '', position: nextPosition(serviceItems) },
          contract: { schema: () => contract('CreateServiceKindBody'), body: newServiceBody },
          save: async (v) => {
            await api('createCenterServiceKind', { body: newServiceBody(v) });
            await refresh();
          },
        }}
      />
    </Stack>
  );
}
