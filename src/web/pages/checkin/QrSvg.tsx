import QRCode from 'qrcode';
import { useMemo } from 'react';

/** A QR code drawn as one SVG path (4-module quiet zone), crisp at any size and in print. */
export function QrSvg({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const n = modules.size;
    let d = '';
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) if (modules.data[y * n + x]) d += `M${x + 4} ${y + 4}h1v1h-1z`;
    }
    return { size: n + 8, path: d };
  }, [text]);
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      className="checkin-qr"
      shapeRendering="crispEdges"
      data-testid="checkin-qr"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
