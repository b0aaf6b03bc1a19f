import { useTranslation } from 'react-i18next';
import './monitoring.css';

type Zone = 'green' | 'yellow' | 'red';

/** A colour zone with its name written out (colour is never the only signal). */
export function ZoneBadge({ zone }: { zone: Zone }) {
  const { t } = useTranslation();
  return (
    <span className={`zone-badge zone-${zone}`} data-zone={zone}>
      {t(`monitoring.zones.${zone}`)}
    </span>
  );
}
