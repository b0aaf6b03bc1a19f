import { Alert, Stack, Text } from '@mantine/core';
import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tokenFromScan } from '../../api/checkin-queries';

type State = 'starting' | 'scanning' | 'denied' | 'unavailable';

/** Largest frame width decoded (wider camera frames are scaled down: faster, and QR codes still read). */
const MAX_WIDTH = 960;

/**
 * The phone's camera (rear-facing when there is one) in a <video>; every 200 ms a frame is drawn to a
 * canvas and decoded with jsQR. A check-in URL hands its token to `onToken`; the camera stops on unmount.
 */
export function Scanner({ onToken }: { onToken(token: string): void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const handler = useRef(onToken);
  handler.current = onToken;
  const [state, setState] = useState<State>('starting');
  const [foreign, setForeign] = useState(false);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const stop = () => {
      stopped = true;
      window.clearInterval(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
    const tick = () => {
      const v = video.current;
      const c = canvas.current;
      if (stopped || !v || !c || v.readyState < 2 || !v.videoWidth) return;
      const scale = Math.min(1, MAX_WIDTH / v.videoWidth);
      c.width = Math.round(v.videoWidth * scale);
      c.height = Math.round(v.videoHeight * scale);
      const ctx = c.getContext('2d', { willReadFrequently: true });
      if (!ctx) return;
      ctx.drawImage(v, 0, 0, c.width, c.height);
      const image = ctx.getImageData(0, 0, c.width, c.height);
      const found = jsQR(image.data, image.width, image.height);
      if (!found?.data) return;
      const token = tokenFromScan(found.data);
      if (token) {
        stop();
        handler.current(token);
      } else setForeign(true);
    };
    if (!navigator.mediaDevices?.getUserMedia) {
      setState('unavailable');
      return stop;
    }
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then((s) => {
        stream = s;
        if (stopped) return stop();
        const v = video.current;
        if (!v) return stop();
        v.srcObject = s;
        v.play().catch(() => undefined);
        setState('scanning');
        timer = window.setInterval(tick, 200);
      })
      .catch((error: unknown) => {
        const name = error instanceof DOMException ? error.name : '';
        setState(name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'unavailable');
      });
    return stop;
  }, []);

  return (
    <Stack gap="sm" data-testid="checkin-scanner" data-state={state}>
      {(state === 'denied' || state === 'unavailable') && (
        <Alert color="yellow" title={t(`checkin.scan.${state}Title`)} role="alert">
          {t(`checkin.scan.${state}`)}
        </Alert>
      )}
      <video
        ref={video}
        className="checkin-video"
        muted
        playsInline
        aria-label={t('checkin.scan.videoLabel')}
        hidden={state === 'denied' || state === 'unavailable'}
      />
      <canvas ref={canvas} hidden />
      <Text role="status" aria-live="polite" size="sm">
        {state === 'starting' && t('checkin.scan.starting')}
        {state === 'scanning' && (foreign ? t('checkin.scan.foreign') : t('checkin.scan.pointAt'))}
      </Text>
    </Stack>
  );
}
