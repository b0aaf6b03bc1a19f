import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type ApplicationDetail,
  appKeys,
  storeApplication,
  useApplication,
} from '../../api/applications-queries';
import { api, isApiError } from '../../api/client';
import type { User } from '../../api/queries';
import { changedFields, useEditVersion } from '../../components/EditConflict';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, localName } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { RequireUser } from '../../components/RequireUser';
import { usePageTitle } from '../../components/usePageTitle';
import { ApplicationFields } from './ApplicationFields';
import { ApplicationForm } from './ApplicationForm';
import { updateBody, valuesOf } from './applicationForm';
import { DocumentChecklist } from './DocumentChecklist';
import { ManagePanel } from './ManagePanel';
import { StageBadge } from './StageBadge';
import { StageTimeline } from './StageTimeline';
import { TransitionActions } from './TransitionActions';

const FINAL = ['opened', 'rejected', 'withdrawn'];

/** /applications/:id: the application, its checklist, the actions this user may take and its history. */
export function ApplicationDetailPage() {
  const { t } = useTranslation();
  const title = t('applications.detailTitle');
  usePageTitle(title);
  return <RequireUser title={title}>{(user) => <Detail user={user} />}</RequireUser>;
}

function Detail({ user }: { user: User }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useApplication(id);

  if (query.isPending) return <LoadingBlock />;
  if (query.isError) {
    const missing = isApiError(query.error, 404) || isApiError(query.error, 400);
    return (
      <Stack data-testid="application-missing">
        <Anchor component={Link} to="/applications">
          {t('applications.backToList')}
        </Anchor>
        <Title order={1}>{t('applications.detailTitle')}</Title>
        {missing ? (
          <Text>{t('applications.notFound')}</Text>
        ) : (
          <ErrorAlert error={query.error} title={t('errors.loadFailed')} />
        )}
      </Stack>
    );
  }
  return <DetailView detail={query.data} user={user} />;
}

function DetailView({ detail, user }: { detail: ApplicationDetail; user: User }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const a = detail.application;
  // The form saves over the version it was opened on (ADR 0017).
  const edit = useEditVersion(a.version);
  // The application as the form opened on it: only what the user changed since is sent.
  const [base, setBase] = useState(() => updateBody(valuesOf(a)));
  const lastEvent = detail.events.at(-1);

  return (
    <Stack gap="lg" data-testid="application-detail">
      <Anchor component={Link} to="/applications">
        {t('applications.backToList')}
      </Anchor>
      <Stack gap="xs">
        <Title order={1}>{a.proposedName ?? a.organization.name}</Title>
        {a.proposedName && <Text size="lg">{a.organization.name}</Text>}
        <Group gap="sm" align="center">
          <StageBadge code={a.stage} size="lg" data-testid="application-stage" data-stage={a.stage} />
          {a.daysAtStage !== null && !FINAL.includes(a.stage) && (
            <Text size="sm">{t('applications.daysAtStage', { count: a.daysAtStage })}</Text>
          )}
        </Group>
        <Text size="sm">
          {t('applications.meta', {
            municipality: localName(a.municipality, lng),
            owner: a.stageOwner?.displayName ?? t('applications.noOwner'),
            expected: a.expectedOpeningOn ? formatDate(a.expectedOpeningOn, lng) : t('common.notSpecified'),
          })}
        </Text>
        {a.centerId && (
          <Anchor component={Link} to={`/centers/${a.centerId}`} data-testid="opened-center-link">
            {t('applications.openedCenter')}
          </Anchor>
        )}
      </Stack>

      {a.stage === 'changes_requested' && lastEvent?.comment && (
        <Alert color="warn" title={t('applications.changesRequestedTitle')} data-testid="changes-requested">
          <Text style={{ whiteSpace: 'pre-wrap' }}>{lastEvent.comment}</Text>
        </Alert>
      )}

      <Paper withBorder p="md" component="section" aria-labelledby="actions-title">
        <Title order={2} size="h3" id="actions-title" mb="sm">
          {t('applications.actions.title')}
        </Title>
        <Stack gap="md">
          <TransitionActions detail={detail} />
          {detail.permissions.review && <ManagePanel key={a.updatedAt} detail={detail} />}
        </Stack>
      </Paper>

      <Stack component="section" gap="sm" aria-labelledby="documents-title">
        <Title order={2} size="h3" id="documents-title">
          {t('applications.documents.title')}
        </Title>
        <Text size="sm">
          {t('applications.documents.summary', {
            accepted: a.documents.accepted,
            required: a.documents.required,
            pending: a.documents.pending,
          })}
        </Text>
        <DocumentChecklist
          applicationId={a.id}
          documents={detail.documents}
          canUpload={detail.permissions.upload}
          canReview={detail.permissions.review}
        />
      </Stack>

      <Stack component="section" gap="sm" aria-labelledby="fields-title">
        <Group justify="space-between" align="center">
          <Title order={2} size="h3" id="fields-title">
            {t('applications.fieldsTitle')}
          </Title>
          {detail.permissions.edit && !editing && (
            <Button
              variant="outline"
              onClick={() => {
                edit.start(a.version);
                setBase(updateBody(valuesOf(a)));
                setEditing(true);
              }}
              data-testid="edit-application"
            >
              {t('applications.edit')}
            </Button>
          )}
        </Group>
        {editing ? (
          <ApplicationForm
            initial={valuesOf(a)}
            currentMunicipality={a.municipality}
            submitLabel={t('common.save')}
            save={async (values) => {
              const body = changedFields(base, updateBody(values));
              if (Object.keys(body).length === 0) return detail;
              return api('updateApplication', { params: { id: a.id }, body, ifMatch: edit.version });
            }}
            onSaved={(next) => {
              edit.saved(next.application.version);
              storeApplication(queryClient, user.id, next);
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
            conflict={{
              reloaded: edit.reloaded,
              reload: () =>
                edit.reload(appKeys.one(user.id, a.id), (d: ApplicationDetail) => d.application.version),
            }}
          />
        ) : (
          <ApplicationFields application={a} />
        )}
      </Stack>

      <Stack component="section" gap="sm" aria-labelledby="timeline-title">
        <Title order={2} size="h3" id="timeline-title">
          {t('applications.timeline.title')}
        </Title>
        <StageTimeline events={detail.events} />
      </Stack>
    </Stack>
  );
}
