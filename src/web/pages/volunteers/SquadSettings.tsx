import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyOf } from '../../api/client';
import { type Squad, useUpdateSquad, volunteerKeys } from '../../api/volunteers-queries';
import { EditConflictAlert, useEditVersion, withoutConflict } from '../../components/EditConflict';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useContractForm } from '../../forms/useContractForm';
import { SQUAD_LIMITS, SQUAD_TAG_SUGGESTIONS } from './squadTags';

const FIELDS = ['name', 'focus', 'tags'] as const;
const sameTags = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((tag, i) => tag === b[i]);

/** For the squad's leaders and the centre's coordinators: the squad's details and its invitation code. */
export function SquadSettings({ squad }: { squad: Squad }) {
  const { t } = useTranslation();
  return (
    <>
      <section aria-labelledby="squad-settings">
        <Title order={2} id="squad-settings" mb="sm">
          {t('volunteers.squadSettings.title')}
        </Title>
        <SquadEditForm squad={squad} />
      </section>
      <section aria-labelledby="squad-code">
        <Title order={2} id="squad-code" mb="sm">
          {t('volunteers.inviteCode.title')}
        </Title>
        <InviteCode squad={squad} />
      </section>
    </>
  );
}

type SquadValues = { name: string; focus: string; tags: string[] };
const squadValues = (s: Squad): SquadValues => ({ name: s.name, focus: s.focus ?? '', tags: s.tags });

/** Name, focus and tags; only what changed is sent (the audit lists the changed fields). */
function SquadEditForm({ squad }: { squad: Squad }) {
  const { t } = useTranslation();
  const update = useUpdateSquad(squad.id);
  // Saved over the version the form was opened on (ADR 0017).
  const edit = useEditVersion(squad.version);
  const form = useContractForm<SquadValues>({
    initialValues: squadValues(squad),
    // The whole squad is checked; only what changed is sent.
    schema: () => import('../../../shared/contracts/volunteers').then((m) => m.UpdateSquadBody),
    body: (v) => ({ name: v.name.trim(), focus: v.focus.trim() || null, tags: v.tags }),
    check: (v, t) => (v.name.trim() ? {} : { name: t('volunteers.centerSquads.nameRequired') }),
  });
  const { name, focus, tags } = form.values;
  const [unchanged, setUnchanged] = useState(false);
  // What the fields were loaded from; a new invitation code (below) also moves the squad's version, and an
  // untouched form follows it — otherwise the next save would report the user's own change as a conflict.
  const [base, setBase] = useState(squad);
  const untouched = name === base.name && focus === (base.focus ?? '') && sameTags(tags, base.tags);
  const { start } = edit;
  const { setValues } = form;
  useEffect(() => {
    if (!untouched || squad.version === base.version) return;
    start(squad.version);
    setBase(squad);
    setValues(squadValues(squad));
  }, [squad, base.version, untouched, start, setValues]);

  const submit = form.submitWith(() => {
    const body: BodyOf<'updateSquad'> = {};
    if (name.trim() !== base.name) body.name = name.trim();
    if ((focus.trim() || null) !== base.focus) body.focus = focus.trim() || null;
    if (!sameTags(tags, base.tags)) body.tags = tags;
    if (Object.keys(body).length === 0) {
      setUnchanged(true);
      return;
    }
    update.mutate(
      { body, ifMatch: edit.version },
      {
        // The server tidies what it keeps (spaces, one # per tag): show its version.
        onSuccess: ({ squad: saved }) => {
          edit.saved(saved.version);
          setBase(saved);
          form.setValues(squadValues(saved));
        },
        onError: (error) => form.showServerErrors(error),
      },
    );
  });
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    update.reset();
    setUnchanged(false);
    submit(event);
  };

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate data-testid="squad-edit-form">
      <Stack gap="sm" maw={720}>
        <EditConflictAlert
          error={update.error}
          reloaded={edit.reloaded}
          onReload={async () => {
            const current = await edit.reload(
              volunteerKeys.squad(squad.id),
              (d: { squad: Squad }) => d.squad.version,
            );
            if (current) {
              // Fields left alone show the current values; the user's changes stay.
              if (name === base.name) form.setFieldValue('name', current.squad.name);
              if (focus === (base.focus ?? '')) form.setFieldValue('focus', current.squad.focus ?? '');
              if (sameTags(tags, base.tags)) form.setFieldValue('tags', current.squad.tags);
              setBase(current.squad);
            }
            update.reset();
          }}
        />
        <ErrorAlert error={withoutConflict(update.error)} fields={FIELDS} />
        <div aria-live="polite">
          {update.isSuccess && <Alert color="ok">{t('volunteers.squadSettings.saved')}</Alert>}
          {unchanged && <Text size="sm">{t('volunteers.squadSettings.unchanged')}</Text>}
        </div>
        <TextInput
          label={t('volunteers.centerSquads.name')}
          {...form.getInputProps('name')}
          required
          maxLength={SQUAD_LIMITS.name}
        />
        <Textarea
          label={t('volunteers.centerSquads.focus')}
          description={t('volunteers.centerSquads.focusHint')}
          {...form.getInputProps('focus')}
          autosize
          minRows={2}
          maxLength={SQUAD_LIMITS.focus}
        />
        <TagsInput
          label={t('volunteers.centerSquads.tags')}
          description={t('volunteers.centerSquads.tagsHint')}
          data={SQUAD_TAG_SUGGESTIONS}
          {...form.getInputProps('tags')}
          maxTags={SQUAD_LIMITS.tags}
          clearable
        />
        <Text size="sm">{t('volunteers.squadSettings.joinNote')}</Text>
        <div>
          <Button type="submit" loading={update.isPending}>
            {t('volunteers.squadSettings.save')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

/** The current code, and a new one on request (the old one stops working at once). */
function InviteCode({ squad }: { squad: Squad }) {
  const { t } = useTranslation();
  const renew = useUpdateSquad(squad.id);
  const [confirming, setConfirming] = useState(false);
  const [previous, setPrevious] = useState<string | null>(null);
  const code = squad.inviteCode ?? '';
  return (
    <Stack gap="sm" maw={720}>
      <Text>{t('volunteers.inviteCode.lead')}</Text>
      <Group gap="sm" wrap="wrap">
        <Code fz="lg" data-testid="squad-invite-code">
          {code}
        </Code>
        <CopyButton value={code}>
          {({ copied, copy }) => (
            <Button size="xs" variant="default" onClick={copy}>
              {copied ? t('volunteers.inviteCode.copied') : t('volunteers.inviteCode.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <ErrorAlert error={renew.error} />
      <div aria-live="polite">
        {renew.isSuccess && previous && (
          <Alert color="ok" data-testid="squad-code-renewed">
            {t('volunteers.inviteCode.renewed', { code, old: previous })}
          </Alert>
        )}
      </div>
      <div>
        <Button variant="default" onClick={() => setConfirming(true)}>
          {t('volunteers.inviteCode.renew')}
        </Button>
      </div>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        closeButtonProps={{ 'aria-label': t('volunteers.membership.close') }}
        title={t('volunteers.inviteCode.renewTitle')}
      >
        <Stack>
          <Text>{t('volunteers.inviteCode.renewText', { code })}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('volunteers.inviteCode.keep')}
            </Button>
            <Button
              loading={renew.isPending}
              onClick={() =>
                renew.mutate(
                  { body: { regenerateCode: true }, ifMatch: squad.version },
                  {
                    onSuccess: () => setPrevious(code),
                    onSettled: () => setConfirming(false),
                  },
                )
              }
            >
              {t('volunteers.inviteCode.renewConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
