import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export type Point = { lat: number; lon: number };

/** Kemerovo region (Kuzbass): the view when there is neither a point nor a municipality to start from. */
const FALLBACK: L.LatLngTuple = [54.6, 87.0];
const MARKER_HTML =
  '<span style="display:block;box-sizing:border-box;width:18px;height:18px;border-radius:50%;' +
  'background:#0b3d91;border:3px solid #fff;box-shadow:0 0 0 1px #0b3d91"></span>';
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * "Pick on the map": a click (or dragging the marker) sets the point. An aid only: the latitude and
 * longitude fields next to it hold the value and are the keyboard and screen-reader path.
 */
export function PointPicker(props: {
  value: Point | null;
  /** Where to look first when there is no point yet (e.g. the municipality's centre). */
  around: Point | null;
  tileUrl: string;
  tileAttribution: string | null;
  onPick: (p: Point) => void;
}) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const markerRef = useRef<L.Marker | null>(null);
  const pickRef = useRef(props.onPick);
  pickRef.current = props.onPick;
  const { value, around, tileUrl, tileAttribution } = props;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = L.map(container, { zoomAnimation: false, markerZoomAnimation: false, fadeAnimation: false });
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    L.tileLayer(tileUrl, { attribution: tileAttribution ?? '', maxZoom: 18 }).addTo(map);
    map.on('click', (event: L.LeafletMouseEvent) =>
      pickRef.current({ lat: round(event.latlng.lat), lon: round(event.latlng.lng) }),
    );
    mapRef.current = map;
    return () => {
      markerRef.current = null;
      mapRef.current = null;
      map.stop();
      map.remove();
    };
  }, [tileUrl, tileAttribution]);

  // The view follows the starting place until a point is chosen; the marker follows the point.
  const start = value ?? around;
  const startLat = start?.lat;
  const startLon = start?.lon;
  const hasValue = value !== null;
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (startLat === undefined || startLon === undefined) map.setView(FALLBACK, 7);
    else if (!map.getBounds().contains([startLat, startLon]) || !hasValue)
      map.setView([startLat, startLon], 13);
  }, [startLat, startLon, hasValue]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (!value) {
      markerRef.current?.remove();
      markerRef.current = null;
      return;
    }
    if (!markerRef.current) {
      const marker = L.marker([value.lat, value.lon], {
        draggable: true,
        keyboard: false,
        icon: L.divIcon({ className: '', iconSize: [18, 18], html: MARKER_HTML }),
      });
      marker.on('dragend', () => {
        const p = marker.getLatLng();
        pickRef.current({ lat: round(p.lat), lon: round(p.lng) });
      });
      marker.addTo(map);
      markerRef.current = marker;
    } else markerRef.current.setLatLng([value.lat, value.lon]);
  }, [value]);

  return (
    <div
      ref={containerRef}
      role="application"
      aria-label={t('opportunities.form.mapLabel')}
      data-testid="opportunity-point-map"
      style={{ height: 320, borderRadius: 4 }}
    />
  );
}
