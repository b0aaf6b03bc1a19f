/**
 * SVG fill patterns for the coverage states, defined once on the page and referenced by id from the map's
 * polygons (centers.css) and the legend and table swatches.
 */
export function MapPatterns() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" className="map-patterns">
      <defs>
        <pattern id="cov-pattern-covered" width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill="#2f9e44" />
        </pattern>
        <pattern
          id="cov-pattern-in-progress"
          width="8"
          height="8"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="8" height="8" fill="#ffe8cc" />
          <rect width="3.5" height="8" fill="#e8590c" />
        </pattern>
        <pattern id="cov-pattern-none" width="10" height="10" patternUnits="userSpaceOnUse">
          <rect width="10" height="10" fill="#f8f9fa" />
          <circle cx="5" cy="5" r="1.4" fill="#868e96" />
        </pattern>
      </defs>
    </svg>
  );
}
