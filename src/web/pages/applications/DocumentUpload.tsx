import { Input, Loader, Stack, Text } from '@mantine/core';
import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApplicationDocument, useUploadDocument } from '../../api/applications-queries';
import { ApiError } from '../../api/client';
import { useConfig } from '../../api/queries';
import { formatBytes } from '../../api/upload';
import { ACCEPT_ATTRIBUTE, fileProblem, UPLOAD_RULES } from './uploadRules';

/** A labelled file input for one checklist document: the first upload, or a new version after a return. */
export function DocumentUpload({ applicationId, doc }: { applicationId: string; doc: ApplicationDocument }) {
  const { t, i18n } = useTranslation();
  const upload = useUploadDocument(applicationId);
  const maxBytes = useConfig().data?.uploadMaxBytes ?? UPLOAD_RULES.defaultMaxBytes;
  const [clientError, setClientError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const code = doc.kind.code;
  const id = `upload-${code}`;
  const replace = doc.versions.length > 0;

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    setDone(null);
    setClientError(null);
    upload.reset();
    if (!file) return;
    const problem = fileProblem(file, maxBytes);
    if (problem) {
      setClientError(
        t(`applications.upload.problem.${problem}`, {
          name: file.name,
          max: formatBytes(maxBytes, i18n.language),
        }),
      );
      input.value = '';
      return;
    }
    upload.mutate(
      { kind: code, file },
      {
        onSuccess: (result) => {
          const version = result?.document.versions[0]?.version ?? doc.versions.length + 1;
          setDone(t('applications.upload.done', { name: file.name, n: version }));
        },
        onSettled: () => {
          input.value = '';
        },
      },
    );
  };

  let serverError: string | null = null;
  if (upload.error) {
    serverError =
      upload.error instanceof ApiError
        ? (upload.error.fieldErrors[0]?.message ?? upload.error.problem.detail ?? upload.error.problem.title)
        : t('errors.generic');
  }
  const error = clientError ?? serverError;

  return (
    <Stack gap={4}>
      <Input.Wrapper
        id={id}
        label={replace ? t('applications.upload.replace') : t('applications.upload.label')}
        description={t('applications.upload.hint', {
          max: formatBytes(maxBytes, i18n.language),
        })}
        error={error}
        errorProps={{ role: 'alert', 'data-testid': `upload-error-${code}` }}
      >
        <input
          id={id}
          type="file"
          name={`file-${code}`}
          accept={ACCEPT_ATTRIBUTE}
          onChange={onChange}
          disabled={upload.isPending}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-description${error ? ` ${id}-error` : ''}`}
          data-testid={`upload-input-${code}`}
          style={{ display: 'block', marginTop: 4, maxWidth: '100%' }}
        />
      </Input.Wrapper>
      {upload.isPending && (
        <Text size="sm" role="status">
          <Loader size="xs" aria-hidden="true" /> {t('applications.upload.sending')}
        </Text>
      )}
      {done && (
        <Text size="sm" c="ok.8" role="status" data-testid={`upload-done-${code}`}>
          {done}
        </Text>
      )}
    </Stack>
  );
}
