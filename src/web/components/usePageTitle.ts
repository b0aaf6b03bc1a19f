import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title for the current page: «<page> — Добросеть». */
export function usePageTitle(page: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.titleTemplate', { page });
  }, [page, t]);
}
