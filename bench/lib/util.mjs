// Small helpers every benchmark script needs: waiting, medians, and importing the built server (dist/).
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The median of the numbers in `xs` (null, undefined and NaN left out); null when there are none. */
export function median(xs) {
  const s = xs.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** `dist('platform/config.js')` imports dist/server/platform/config.js of the checkout at `root`. */
export function distImporter(root) {
  return (p) => import(pathToFileURL(path.join(root, 'dist/server', p)).href);
}
