import 'leaflet/dist/leaflet.css';
import './centers.css';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { localName } from '../../components/format';
import {
  type Center,
  COVERAGE_STYLE,
  type Municipality,
  markerPosition,
  POINT_STYLE,
  type Shape,
} from './coverage';

interface Props {
  municipalities: Municipality[];
  shapes: Map<string, Shape>;
  centers: Center[];
  selectedId: string | null;
  tileUrl: string | null;
  tileAttribution: string | null;
}

/** Kemerovo region (Kuzbass) — used only while there are no municipalities to fit the view to. */
const FALLBACK_VIEW: L.LatLngTuple = [54.6, 87.0];

/**
 * Leaflet map: municipalities as polygons coloured and patterned by coverage (a point at the admin centre
 * when a municipality has no shape), centres as keyboard-focusable markers whose popups link to the centre
 * page. Without a tile URL there is no base layer: the shapes on a plain background, fully offline.
 * The municipalities table beside the map is the screen-reader path to the same data.
 */
export function CoverageMap({
  municipalities,
  shapes,
  centers,
  selectedId,
  tileUrl,
  tileAttribution,
}: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const containerRef = useRef<HTMLElement>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const zoomIn = t('centers.zoomIn');
  const zoomOut = t('centers.zoomOut');

  // Create the map once per tile configuration and language (the zoom control labels are translated).
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const created = L.map(container, {
      zoomControl: false,
      scrollWheelZoom: false,
      zoomSnap: 0.25,
      // Zoom animations outlive a quick navigation away and then fail on the removed map.
      zoomAnimation: false,
      markerZoomAnimation: false,
    });
    L.control.zoom({ zoomInTitle: zoomIn, zoomOutTitle: zoomOut }).addTo(created);
    // Credit the library by a plain text link (the default prefix carries an icon as well).
    created.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    if (tileUrl) {
      L.tileLayer(tileUrl, { attribution: tileAttribution ?? '', maxZoom: 18 }).addTo(created);
    }
    created.setView(FALLBACK_VIEW, 7);
    setMap(created);
    return () => {
      setMap(null);
      // Stop a running pan or zoom first: removing a map mid-animation throws inside Leaflet.
      created.stop();
      created.remove();
    };
  }, [tileUrl, tileAttribution, zoomIn, zoomOut]);

  // Draw whenever the data, the selection or the language changes.
  useEffect(() => {
    if (!map) return;
    const layer = L.featureGroup().addTo(map);
    const lng = i18n.language;
    const byId = new Map(municipalities.map((m) => [m.id, m]));
    let selectedBounds: L.LatLngBounds | null = null;

    for (const m of municipalities) {
      const selected = m.id === selectedId;
      const label = `${localName(m, lng)}: ${t(`coverage.${m.coverage}`)}`;
      const shape = shapes.get(m.id);
      if (shape) {
        const { pattern: _p, swatchFill: _s, ...style } = COVERAGE_STYLE[m.coverage];
        const polygon = L.geoJSON(shape.geometry as Parameters<typeof L.geoJSON>[0], {
          style: selected ? { ...style, color: '#0b3d91', weight: 4, dashArray: undefined } : style,
        })
          .bindTooltip(label, { sticky: true })
          .addTo(layer);
        if (selected) {
          polygon.bringToFront();
          selectedBounds = polygon.getBounds();
        }
      } else {
        const style = POINT_STYLE[m.coverage];
        L.circleMarker([m.lat, m.lon], {
          ...style,
          radius: (style.radius ?? 8) + (selected ? 4 : 0),
          weight: (style.weight ?? 2) + (selected ? 2 : 0),
        })
          .bindTooltip(label)
          .addTo(layer);
        if (selected) selectedBounds = L.latLngBounds([[m.lat, m.lon]]);
      }
    }

    const perTown = new Map<string, number>();
    for (const c of centers) {
      const index = perTown.get(c.municipality.id) ?? 0;
      perTown.set(c.municipality.id, index + 1);
      const position = markerPosition(c, byId, index);
      if (!position) continue;
      const title = `${t('map.markerCenter')}: ${c.name}`;
      const marker = L.marker([position.lat, position.lon], {
        icon: L.divIcon({ className: 'center-marker', iconSize: [18, 18], html: '' }),
        title,
        keyboard: true,
        riseOnHover: true,
      });
      marker.bindPopup(() => popupContent(c, position.approximate));
      marker.addTo(layer);
      const element = marker.getElement();
      element?.setAttribute('aria-label', title);
      element?.setAttribute('data-testid', 'center-marker');
    }

    function popupContent(c: Center, approximate: boolean) {
      const box = document.createElement('div');
      const link = document.createElement('a');
      link.href = `/centers/${c.id}`;
      link.textContent = c.name;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        void navigate(`/centers/${c.id}`);
      });
      const strong = document.createElement('strong');
      strong.append(link);
      box.append(strong);
      const where = document.createElement('div');
      where.textContent = c.address ?? localName(c.municipality, lng);
      box.append(where);
      if (approximate) {
        const note = document.createElement('div');
        note.className = 'center-popup-note';
        note.textContent = t('map.approximatePosition');
        box.append(note);
      }
      return box;
    }

    const bounds = selectedBounds ?? (layer.getLayers().length ? layer.getBounds() : null);
    map.invalidateSize({ animate: false });
    if (bounds?.isValid())
      map.fitBounds(bounds, { padding: [16, 16], maxZoom: selectedBounds ? 10 : 9, animate: false });
    return () => {
      layer.remove();
    };
  }, [map, municipalities, shapes, centers, selectedId, i18n.language, t, navigate]);

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
