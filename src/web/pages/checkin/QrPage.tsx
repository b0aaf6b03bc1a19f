import { Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCheckinCode, useRotateCode } from '../../api/checkin-queries';
import { CoordinatorPage } from '../../components/CoordinatorPage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { QrSvg } from './QrSvg';
import './checkin.css';

/** /shifts/:id/qr: the shift's check-in QR code to show or print at the venue (coordinator, operator). */
export function QrPage() {
  const { t } = useTranslation();
  return <CoordinatorPage title={t('checkin.qr.title')}>{(id) => <QrSheet shiftId={id} />}</CoordinatorPage>;
}

function QrSheet({ shiftId }: { shiftId: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const code = useCheckinCode(shiftId);
  const rotate = useRotateCode(shiftId);
  const [confirming, setConfirming] = useState(false);
  const [rotated, setRotated] = useState(false);
  const data = code.data;
  return (
    <Stack gap="lg" className="checkin-print" data-testid="checkin-qr-page">
      <Title order={1}>{t('checkin.qr.title')}</Title>
      <ErrorAlert error={code.error} title={t('errors.loadFailed')} />
      {code.isPending && <LoadingBlock />}
      {data && (
        <>
          <Stack gap={4}>
            <Text size="xl" fw={700}>
              {data.shift.title}
            </Text>
            <Text>
              {t('checkin.when', {
                from: formatDateTime(data.shift.startsAt, lng),
                to: formatDateTime(data.shift.endsAt, lng),
              })}{' '}
              · {data.shift.center.name}
            </Text>
          </Stack>
          <Paper withBorder p="md">
            <Stack gap="md" align="center">
              <Text fw={700} ta="center">
                {t('checkin.qr.scanHint')}
              </Text>
              <QrSvg text={data.url} label={t('checkin.qr.qrLabel', { title: data.shift.title })} />
              <Text ta="center">{t('checkin.qr.codeHint')}</Text>
              <Text className="checkin-code" ta="center" data-testid="checkin-short-code">
                {data.code}
              </Text>
              <Text size="sm" ta="center">
                {t('checkin.qr.valid', {
                  from: formatDateTime(data.validFrom, lng),
                  until: formatDateTime(data.validUntil, lng),
                })}
              </Text>
            </Stack>
          </Paper>
          <Text role="status" aria-live="polite" className="checkin-no-print">
            {rotated ? t('checkin.qr.rotated') : ''}
          </Text>
          <Group gap="sm" className="checkin-no-print">
            <Button onClick={() => window.print()}>{t('checkin.qr.print')}</Button>
            <Button variant="outline" color="red.8" onClick={() => setConfirming(true)}>
              {t('checkin.qr.rotate')}
            </Button>
            <Button component={Link} to={`/shifts/${shiftId}/desk`} variant="default">
              {t('checkin.links.desk')}
            </Button>
          </Group>
        </>
      )}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('checkin.qr.rotateTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('checkin.close') }}
      >
        <Stack>
          <Text>{t('checkin.qr.rotateWarning')}</Text>
          <ErrorAlert error={rotate.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              {t('checkin.cancel')}
            </Button>
            <Button
              color="red.8"
              loading={rotate.isPending}
              onClick={() =>
                rotate.mutate(undefined, {
                  onSuccess: () => {
                    setConfirming(false);
                    setRotated(true);
                  },
                })
              }
            >
              {t('checkin.qr.rotateConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
