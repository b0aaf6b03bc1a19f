/**
 * Module entry. Everything that must happen before the first render lives here (the CSP forbids inline
 * scripts): language and low-vision preferences are applied to <html> before React mounts.
 */
import '@mantine/core/styles.css';
import './app/global.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { applyLowVision, readLowVision } from './app/lowVision';
import { setUpSkipLink } from './app/skipLink';

applyLowVision(readLowVision());
setUpSkipLink();

const container = document.getElementById('root');
if (!container) throw new Error('#root element is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
