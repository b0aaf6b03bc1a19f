import { Alert, Anchor, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ApplicationDocument, applicationUrls } from '../../api/applications-queries';
import { formatBytes } from '../../api/upload';
import { formatDateTime, localName } from '../../components/format';
import { DocumentReview } from './DocumentReview';
import { DocumentUpload } from './DocumentUpload';
import { useStageName } from './stages';

interface Props {
  applicationId: string;
  documents: ApplicationDocument[];
  canUpload: boolean;
  canReview: boolean;
}

const STATUS_COLOR = {
  missing: 'gray.7',
  pending: 'blue.8',
  accepted: 'ok.8',
  returned: 'warn.8',
} as const;

/** The checklist: per document kind its status, the review comment, all versions, upload and review. */
export function DocumentChecklist({ applicationId, documents, canUpload, canReview }: Props) {
  const { t } = useTranslation();
  if (documents.length === 0) return <Text>{t('applications.documents.none')}</Text>;
  return (
    <Stack component="ul" gap="sm" className="plain-list" data-testid="document-checklist">
      {documents.map((doc) => (
        <DocumentItem
          key={doc.kind.code}
          applicationId={applicationId}
          doc={doc}
          canUpload={canUpload}
          canReview={canReview}
        />
      ))}
    </Stack>
  );
}

function DocumentItem({
  applicationId,
  doc,
  canUpload,
  canReview,
}: {
  applicationId: string;
  doc: ApplicationDocument;
  canUpload: boolean;
  canReview: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const stageName = useStageName();
  const headingId = `doc-${doc.kind.code}-title`;
  return (
    <Paper
      component="li"
      withBorder
      p="md"
      aria-labelledby={headingId}
      data-testid={`document-${doc.kind.code}`}
      data-status={doc.status}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2}>
            <Title order={3} size="h5" id={headingId}>
              {localName(doc.kind, lng)}
            </Title>
            <Text size="sm" c="dimmed">
              {doc.kind.required
                ? t('applications.documents.requiredBy', { stage: stageName(doc.kind.neededByStage) })
                : t('applications.documents.optional')}
            </Text>
            {doc.kind.description && <Text size="sm">{doc.kind.description}</Text>}
          </Stack>
          <Badge
            color={STATUS_COLOR[doc.status]}
            variant="filled"
            radius="sm"
            tt="none"
            data-testid="document-status"
          >
            {t(`applications.documents.status.${doc.status}`)}
          </Badge>
        </Group>

        {doc.status === 'returned' && doc.reviewComment && (
          <Alert color="warn" variant="light" title={t('applications.documents.returnedTitle')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="review-comment">
              {doc.reviewComment}
            </Text>
            {doc.reviewedBy && doc.reviewedAt && (
              <Text size="xs" mt={4}>
                {t('applications.documents.reviewedBy', {
                  who: doc.reviewedBy.displayName,
                  when: formatDateTime(doc.reviewedAt, lng),
                })}
              </Text>
            )}
          </Alert>
        )}
        {doc.status === 'accepted' && doc.reviewedBy && doc.reviewedAt && (
          <Text size="sm">
            {t('applications.documents.acceptedBy', {
              who: doc.reviewedBy.displayName,
              when: formatDateTime(doc.reviewedAt, lng),
            })}
          </Text>
        )}

        {doc.versions.length > 0 && (
          <List size="sm" spacing={4} aria-label={t('applications.documents.versions')}>
            {doc.versions.map((v) => (
              <List.Item key={v.version}>
                <Anchor
                  href={applicationUrls.download(applicationId, doc.kind.code, v.version)}
                  download={v.fileName}
                  data-testid={`download-v${v.version}`}
                >
                  {t('applications.documents.version', { n: v.version, name: v.fileName })}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  {t('applications.documents.versionMeta', {
                    size: formatBytes(v.size, lng),
                    when: formatDateTime(v.uploadedAt, lng),
                    who: v.uploadedBy?.displayName ?? '—',
                  })}
                </Text>
              </List.Item>
            ))}
          </List>
        )}

        {canUpload && doc.status !== 'accepted' && doc.kind.active && (
          <DocumentUpload applicationId={applicationId} doc={doc} />
        )}
        {canReview && doc.status === 'pending' && <DocumentReview applicationId={applicationId} doc={doc} />}
      </Stack>
    </Paper>
  );
}
