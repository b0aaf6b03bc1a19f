/**
 * Module entry. Everything that must happen before the first render lives here (the CSP forbids inline
 * scripts): the features' messages join the catalogues, and language and low-vision preferences are applied
 * to <html>, before React mounts.
 */
import '@mantine/core/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { features } from './app/features';
import { applyLowVision, readLowVision } from './app/lowVision';
import { setUpSkipLink } from './app/skipLink';
import { addFeatureMessages } from './i18n';

addFeatureMessages(features);
applyLowVision(readLowVision());
setUpSkipLink();

const container = document.getElementById('root');
if (!container) throw new Error('#root element is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
