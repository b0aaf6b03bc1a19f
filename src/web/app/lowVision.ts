import { readStored, writeStored } from './storage';

/**
 * «Версия для слабовидящих»: large text and high contrast. Applied as the `data-low-vision` attribute
 * on <html> (styles in global.css) and remembered in localStorage.
 */
const STORAGE_KEY = 'dobroset.lowVision';
const ATTRIBUTE = 'data-low-vision';

export function readLowVision(): boolean {
  return readStored(STORAGE_KEY) === '1';
}

export function applyLowVision(enabled: boolean): void {
  document.documentElement.toggleAttribute(ATTRIBUTE, enabled);
}

export function setLowVision(enabled: boolean): void {
  applyLowVision(enabled);
  writeStored(STORAGE_KEY, enabled ? '1' : null);
}
