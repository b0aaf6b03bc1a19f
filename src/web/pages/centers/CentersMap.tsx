import 'leaflet/dist/leaflet.css';
import './centers.css';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localName } from '../../components/format';
import { CENTER_STYLE, type Center, COVERAGE_STYLE, type Municipality } from './coverage';

interface Props {
  municipalities: Municipality[];
  centers: Center[];
  selectedId: string | null;
  tileUrl: string | null;
  tileAttribution: string | null;
}

/** Kemerovo region (Kuzbass) — used only while there are no municipalities to fit the view to. */
const FALLBACK_VIEW: L.LatLngTuple = [54.6, 87.0];

/**
 * Leaflet map of municipalities (circle markers by coverage) and centres. Without a tile URL it is drawn
 * without a base layer. Only circle markers are used, so no marker image assets are needed. The map is
 * a visual aid: the municipalities table on the same page is the screen-reader path.
 */
export function CentersMap({ municipalities, centers, selectedId, tileUrl, tileAttribution }: Props) {
  const { t, i18n } = useTranslation();
  const containerRef = useRef<HTMLElement>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const zoomIn = t('centers.zoomIn');
  const zoomOut = t('centers.zoomOut');

  // Create the map once per tile configuration and language (the zoom control labels are translated).
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const created = L.map(container, { zoomControl: false, scrollWheelZoom: false });
    L.control.zoom({ zoomInTitle: zoomIn, zoomOutTitle: zoomOut }).addTo(created);
    if (tileUrl) {
      L.tileLayer(tileUrl, { attribution: tileAttribution ?? '', maxZoom: 18 }).addTo(created);
    }
    created.setView(FALLBACK_VIEW, 7);
    setMap(created);
    return () => {
      setMap(null);
      created.remove();
    };
  }, [tileUrl, tileAttribution, zoomIn, zoomOut]);

  // Draw markers whenever the data, the selection or the language changes.
  useEffect(() => {
    if (!map) return;
    const layer = L.layerGroup().addTo(map);
    const lng = i18n.language;

    for (const m of municipalities) {
      const selected = m.id === selectedId;
      const style = COVERAGE_STYLE[m.coverage];
      L.circleMarker([m.lat, m.lon], {
        ...style,
        radius: (style.radius ?? 8) + (selected ? 4 : 0),
        weight: (style.weight ?? 2) + (selected ? 2 : 0),
      })
        .bindTooltip(`${localName(m, lng)}: ${t(`coverage.${m.coverage}`)}`)
        .addTo(layer);
    }
    for (const c of centers) {
      if (c.lat === null || c.lon === null) continue;
      L.circleMarker([c.lat, c.lon], CENTER_STYLE).bindTooltip(c.name).addTo(layer);
    }

    const selected = municipalities.find((m) => m.id === selectedId);
    if (selected) {
      map.setView([selected.lat, selected.lon], Math.max(map.getZoom(), 9));
    } else if (municipalities.length > 0) {
      map.fitBounds(L.latLngBounds(municipalities.map((m) => [m.lat, m.lon] as L.LatLngTuple)), {
        padding: [24, 24],
      });
    }
    return () => {
      layer.remove();
    };
  }, [map, municipalities, centers, selectedId, i18n.language, t]);

  return (
    <section
      ref={containerRef}
      className={tileUrl ? 'centers-map' : 'centers-map centers-map--offline'}
      aria-label={t('centers.mapLabel')}
      aria-describedby="centers-map-hint"
      data-testid="centers-map"
    />
  );
}
