import i18n from '../i18n';

/**
 * The skip link is static markup in index.html (first in the body), so the very first Tab reaches it even
 * before React has rendered. Here it gets its translated text and moves focus to <main id="main">.
 */
export function setUpSkipLink(): void {
  const link = document.getElementById('skip-link');
  if (!link) return;
  const sync = () => {
    link.textContent = i18n.t('app.skipLink');
  };
  sync();
  i18n.on('languageChanged', sync);
  link.addEventListener('click', (event) => {
    const main = document.getElementById('main');
    if (!main) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  });
}
