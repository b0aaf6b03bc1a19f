/**
 * A fake camera for browser journeys: a YUV4MPEG2 video of a QR code that Chromium plays as the webcam
 * (`launchBrowser({ fakeCamera: file })`), so a page's getUserMedia + jsQR scanner sees a real code.
 */
import fs from 'node:fs';
import QRCode from 'qrcode';

export interface FakeCameraOptions {
  width?: number;
  height?: number;
  frames?: number;
}

/** Light modules around the code, as the QR specification asks (4 modules). */
const QUIET_ZONE = 4;
/** Smallest module size that still decodes reliably after Chromium's scaling and colour conversion. */
const MIN_MODULE_PX = 6;
const WHITE = 255;
const BLACK = 0;

/**
 * The luma plane of one frame: white background, the QR code's modules black, centred, each module a
 * square of whole pixels. Throws if the code does not fit with at least MIN_MODULE_PX per module.
 */
export function qrLumaPlane(text: string, width: number, height: number): Buffer {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const cells = size + 2 * QUIET_ZONE;
  const px = Math.floor(Math.min(width, height) / cells);
  if (px < MIN_MODULE_PX) {
    throw new Error(
      `QR code of ${size} modules needs ${cells * MIN_MODULE_PX} px; the frame is ${width}×${height}`,
    );
  }
  const left = Math.floor((width - size * px) / 2);
  const top = Math.floor((height - size * px) / 2);
  const y = Buffer.alloc(width * height, WHITE);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!qr.modules.get(row, col)) continue;
      for (let dy = 0; dy < px; dy++) {
        const start = (top + row * px + dy) * width + left + col * px;
        y.fill(BLACK, start, start + px);
      }
    }
  }
  return y;
}

/**
 * Writes `frames` identical 4:2:0 frames showing `text` as a QR code to `file` (Chromium loops the file):
 * `--use-file-for-fake-video-capture=<file>`.
 */
export function writeQrY4m(text: string, file: string, options: FakeCameraOptions = {}): string {
  const { width = 640, height = 480, frames = 30 } = options;
  if (width % 2 !== 0 || height % 2 !== 0) throw new Error('4:2:0 needs an even width and height');
  const luma = qrLumaPlane(text, width, height);
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n', 'ascii'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, header);
    for (let i = 0; i < frames; i++) fs.writeSync(fd, frame);
  } finally {
    fs.closeSync(fd);
  }
  return file;
}
