import { Alert, Button, Fieldset, FileButton, Group, Image, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { formatBytes, uploadFile } from '../../api/upload';
import { type OwnProfile, volunteerKeys } from '../../api/volunteers-queries';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The server takes at most 5 MB (less when the installation's upload limit is lower). */
const MAX_BYTES = 5 * 1_048_576;
const TYPES = ['image/jpeg', 'image/png'];

function usePhotoMutations() {
  const queryClient = useQueryClient();
  const onSuccess = (data: { profile: OwnProfile }) => queryClient.setQueryData(volunteerKeys.profile, data);
  const upload = useMutation({
    mutationFn: (file: File) =>
      uploadFile<{ profile: OwnProfile }>('/api/volunteers/me/photo', file, {
        method: 'PUT',
        mode: 'binary',
      }),
    onSuccess,
  });
  const remove = useMutation({ mutationFn: () => api('removeMyVolunteerPhoto', {}), onSuccess });
  return { upload, remove };
}

/** The optional profile photo: choose (checked here for type and size), preview, upload, remove. */
export function ProfilePhoto({ profile }: { profile: OwnProfile }) {
  const { t, i18n } = useTranslation();
  const { upload, remove } = usePhotoMutations();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [clientError, setClientError] = useState<string | null>(null);
  const [done, setDone] = useState<'uploaded' | 'removed' | null>(null);
  const resetRef = useRef<() => void>(null);

  useEffect(() => {
    if (!file) {
      setPreview(null);
      return;
    }
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const clear = () => {
    setFile(null);
    resetRef.current?.();
  };
  const choose = (chosen: File | null) => {
    setDone(null);
    upload.reset();
    remove.reset();
    setClientError(null);
    if (!chosen) return clear();
    if (!TYPES.includes(chosen.type)) {
      setClientError(t('volunteers.photo.wrongType'));
      return clear();
    }
    if (chosen.size > MAX_BYTES) {
      setClientError(t('volunteers.photo.tooLarge', { max: formatBytes(MAX_BYTES, i18n.language) }));
      return clear();
    }
    setFile(chosen);
  };
  const send = () => {
    if (!file) return;
    upload.mutate(file, {
      onSuccess: () => {
        clear();
        setDone('uploaded');
      },
    });
  };
  const drop = () => {
    setDone(null);
    upload.reset();
    remove.mutate(undefined, { onSuccess: () => setDone('removed') });
  };

  const alt = profile.fullName
    ? t('volunteers.photo.alt', { name: profile.fullName })
    : t('volunteers.photo.altNoName');

  return (
    <Fieldset legend={t('volunteers.photo.title')} data-testid="profile-photo">
      <Stack gap="sm">
        <Text size="sm" id="photo-hint">
          {t('volunteers.photo.hint')}
        </Text>
        <ErrorAlert error={upload.error ?? remove.error} />
        {clientError && (
          <Alert color="red" role="alert">
            {clientError}
          </Alert>
        )}
        {done && (
          <Alert color="ok" role="status">
            {t(`volunteers.photo.${done}`)}
          </Alert>
        )}
        {profile.photoUrl ? (
          <Image src={profile.photoUrl} alt={alt} w={128} h={128} fit="cover" radius="md" />
        ) : (
          <Text size="sm" c="dimmed">
            {t('volunteers.photo.none')}
          </Text>
        )}
        {preview && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('volunteers.photo.preview')}
            </Text>
            <Image
              src={preview}
              alt={t('volunteers.photo.previewAlt')}
              w={128}
              h={128}
              fit="cover"
              radius="md"
            />
          </Stack>
        )}
        <Group gap="sm">
          <FileButton onChange={choose} accept={TYPES.join(',')} resetRef={resetRef}>
            {(props) => (
              <Button variant="default" aria-describedby="photo-hint" {...props}>
                {profile.photoUrl ? t('volunteers.photo.replace') : t('volunteers.photo.choose')}
              </Button>
            )}
          </FileButton>
          {file && (
            <>
              <Button onClick={send} loading={upload.isPending}>
                {t('volunteers.photo.upload')}
              </Button>
              <Button variant="subtle" onClick={clear} disabled={upload.isPending}>
                {t('volunteers.photo.cancel')}
              </Button>
            </>
          )}
          {profile.photoUrl && !file && (
            <Button variant="subtle" color="red" onClick={drop} loading={remove.isPending}>
              {t('volunteers.photo.remove')}
            </Button>
          )}
        </Group>
      </Stack>
    </Fieldset>
  );
}
