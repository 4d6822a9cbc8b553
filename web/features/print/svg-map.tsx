/**
 * Maps for paper, drawn as SVG from the same offline GeoJSON the screen maps use: a zone's outline
 * over its district boundaries, or a unit's zones as status-coloured dots over the provinces. They
 * stay vector in a PDF and need no WebGL; on screen pages they stand in for the MapLibre canvas
 * when the page is printed with Ctrl+P.
 */
import { type QueryClient, useQuery } from '@tanstack/react-query';
import { type ReactNode, useMemo } from 'react';
import districtsPath from '../../../data/basemap/thailand-districts.geojson?url';
import provincesPath from '../../../data/basemap/thailand-provinces.geojson?url';
import type { TrafficLight } from '../../api/types.ts';
import type { Lang } from '../../i18n/format.ts';
import { geometryBounds } from '../map/geometry-bounds.ts';
import { COMPARISON_FILL, COMPARISON_STROKE, LIGHT_COLORS } from '../map/map-style.ts';
import { useReadyPart } from './print-readiness.tsx';
import {
  fitView,
  type Geometry,
  geometryPath,
  type SvgView,
  scaleBarKm,
  touchesView,
  unionBounds,
} from './to-svg-map.ts';

interface Basemap {
  features: Array<{ properties: { name_th?: string; name_en?: string }; geometry: Geometry }>;
}

function basemapQuery(path: string) {
  return {
    queryKey: ['basemap', path] as const,
    queryFn: async (): Promise<Basemap> => {
      const response = await fetch(path);
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      return (await response.json()) as Basemap;
    },
    staleTime: Number.POSITIVE_INFINITY,
  };
}

/** Starts loading both basemaps (a print view calls it first thing). */
export function prefetchBasemaps(client: QueryClient): void {
  void client.prefetchQuery(basemapQuery(districtsPath));
  void client.prefetchQuery(basemapQuery(provincesPath));
}

const WIDTH = 600;
const LAND = '#f6f4ee';
const SEA = '#e3eef7';
const BOUNDARY = '#8d99a6';

function ScaleBar({ view, label }: { view: SvgView; label: (km: number) => string }) {
  const km = scaleBarKm(view);
  const length = km / view.kmPerUnit;
  const x = 16;
  const y = view.height - 16;
  return (
    <g className="svg-map-scale">
      <rect x={x - 6} y={y - 22} width={length + 12} height={30} fill="#fff" opacity={0.85} />
      <path d={`M${x} ${y - 6}V${y}H${x + length}V${y - 6}`} fill="none" stroke="#111" strokeWidth={2} />
      <text x={x + length / 2} y={y - 9} textAnchor="middle" fontSize={13} fill="#111">
        {label(km)}
      </text>
    </g>
  );
}

function NorthArrow({ view }: { view: SvgView }) {
  const x = view.width - 24;
  return (
    <g>
      <path d={`M${x} 12L${x + 7} 32L${x} 27L${x - 7} 32Z`} fill="#111" />
      <text x={x} y={46} textAnchor="middle" fontSize={12} fill="#111">
        N
      </text>
    </g>
  );
}

/** An id usable in url(#...): the part key has colons and zone ids. */
const clipId = (partKey: string): string => `clip-${partKey.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** The view's sea, a clip to its edges around `children`, then scale bar and north arrow on top. */
function MapFrame({
  view,
  partKey,
  lang,
  label,
  testId,
  children,
}: {
  view: SvgView;
  partKey: string;
  lang: Lang;
  label: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <svg
      className="svg-map"
      viewBox={`0 0 ${view.width} ${view.height}`}
      role="img"
      aria-label={label}
      data-testid={testId}
    >
      <defs>
        <clipPath id={clipId(partKey)}>
          <rect width={view.width} height={view.height} />
        </clipPath>
      </defs>
      <rect width={view.width} height={view.height} fill={SEA} />
      <g clipPath={`url(#${clipId(partKey)})`}>{children}</g>
      <ScaleBar view={view} label={kmLabel(lang)} />
      <NorthArrow view={view} />
    </svg>
  );
}

const kmLabel = (lang: Lang) => (km: number) => (lang === 'th' ? `${km} กม.` : `${km} km`);

/** One zone: its outline filled in its status colour, the district boundaries and names around it. */
export function ZoneSvgMap({
  outline,
  light,
  lang,
  label,
  partKey,
}: {
  outline: Geometry;
  light: TrafficLight;
  lang: Lang;
  label: string;
  /** Registers with a print view's readiness under this key. */
  partKey: string;
}) {
  const districts = useQuery(basemapQuery(districtsPath));
  useReadyPart(partKey, districts.isSuccess || districts.isError);
  const view = useMemo(() => {
    const bounds = geometryBounds(outline);
    return bounds
      ? fitView(bounds, { width: WIDTH, padding: 0.4, minSpanKm: 2, minAspect: 0.6, maxAspect: 0.75 })
      : null;
  }, [outline]);
  const shown = useMemo(
    () => (view ? (districts.data?.features ?? []).filter((f) => touchesView(f.geometry, view)) : []),
    [districts.data, view],
  );
  if (!view) return null;
  return (
    <MapFrame view={view} partKey={partKey} lang={lang} label={label} testId="zone-svg-map">
      {shown.map((f, i) => (
        <path
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for one drawing
          key={i}
          d={geometryPath(f.geometry, view)}
          fill={LAND}
          stroke={BOUNDARY}
          strokeWidth={1}
          strokeDasharray="5 3"
        />
      ))}
      {shown.map((f, i) => {
        const b = geometryBounds(f.geometry);
        if (!b) return null;
        const [x, y] = view.project((b[0][0] + b[1][0]) / 2, (b[0][1] + b[1][1]) / 2);
        const name = lang === 'en' ? f.properties.name_en : f.properties.name_th;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for one drawing
          <text key={`n${i}`} x={x} y={y} textAnchor="middle" fontSize={13} fill="#4b5560">
            {name}
          </text>
        );
      })}
      <path
        d={geometryPath(outline, view)}
        fill={LIGHT_COLORS[light]}
        fillOpacity={0.35}
        stroke="#111"
        strokeWidth={2.5}
        data-testid="zone-svg-outline"
      />
    </MapFrame>
  );
}

export interface SvgMarker {
  id: string;
  name: string;
  lon: number;
  lat: number;
  light: TrafficLight;
}

/** A unit's zones as dots coloured by overall status, over the provinces, each with its name. */
export function UnitSvgMap({
  markers,
  lang,
  label,
  partKey,
}: {
  markers: readonly SvgMarker[];
  lang: Lang;
  label: string;
  partKey: string;
}) {
  const provinces = useQuery(basemapQuery(provincesPath));
  useReadyPart(partKey, provinces.isSuccess || provinces.isError);
  const located = markers.filter((m) => Number.isFinite(m.lon) && Number.isFinite(m.lat));
  const bounds = unionBounds(
    located.map((m): [[number, number], [number, number]] => [
      [m.lon, m.lat],
      [m.lon, m.lat],
    ]),
  );
  if (!bounds) return null;
  const view = fitView(bounds, { width: WIDTH, padding: 0.25, minSpanKm: 20, minAspect: 0.55, maxAspect: 1 });
  const shown = (provinces.data?.features ?? []).filter((f) => touchesView(f.geometry, view));
  const labelled = located.length <= 30;
  return (
    <MapFrame view={view} partKey={partKey} lang={lang} label={label} testId="unit-svg-map">
      {shown.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for one drawing
        <path key={i} d={geometryPath(f.geometry, view)} fill={LAND} stroke={BOUNDARY} strokeWidth={1} />
      ))}
      {located.map((m) => {
        const [x, y] = view.project(m.lon, m.lat);
        return (
          <g key={m.id}>
            <circle cx={x} cy={y} r={7} fill={LIGHT_COLORS[m.light]} stroke="#111" strokeWidth={1.5} />
            {labelled && (
              <text x={x + 10} y={y + 4} fontSize={12} fill="#111" stroke="#fff" strokeWidth={3} paintOrder="stroke">
                {m.name}
              </text>
            )}
          </g>
        );
      })}
    </MapFrame>
  );
}

/**
 * A zone's three areas for its crime explanation: the comparison area (hatched grey), the buffer
 * ring (dashed) and the zone (its status colour), over the district boundaries; fitted to all three.
 */
export function ZoneAreasSvgMap({
  outline,
  ring,
  comparison,
  light,
  lang,
  label,
  partKey,
}: {
  outline: Geometry;
  ring: readonly Geometry[];
  comparison: readonly Geometry[];
  light: TrafficLight;
  lang: Lang;
  label: string;
  partKey: string;
}) {
  const districts = useQuery(basemapQuery(districtsPath));
  useReadyPart(partKey, districts.isSuccess || districts.isError);
  const view = useMemo(() => {
    const bounds = unionBounds([outline, ...ring, ...comparison].map((g) => geometryBounds(g)));
    return bounds ? fitView(bounds, { width: WIDTH, padding: 0.08, minSpanKm: 2, minAspect: 0.6, maxAspect: 1 }) : null;
  }, [outline, ring, comparison]);
  const shown = useMemo(
    () => (view ? (districts.data?.features ?? []).filter((f) => touchesView(f.geometry, view)) : []),
    [districts.data, view],
  );
  if (!view) return null;
  return (
    <MapFrame view={view} partKey={partKey} lang={lang} label={label} testId="zone-areas-map">
      {shown.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for one drawing
        <path key={i} d={geometryPath(f.geometry, view)} fill={LAND} stroke={BOUNDARY} strokeWidth={1} />
      ))}
      {comparison.map((g, i) => (
        <path
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for one drawing
          key={`c${i}`}
          d={geometryPath(g, view)}
          fill={COMPARISON_FILL}
          fillOpacity={0.35}
          stroke={COMPARISON_STROKE}
          strokeWidth={2}
          data-testid="areas-comparison"
        />
      ))}
      {ring.map((g, i) => (
        <path
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for one drawing
          key={`r${i}`}
          d={geometryPath(g, view)}
          fill="none"
          stroke="#1f2937"
          strokeWidth={2}
          strokeDasharray="6 4"
          data-testid="areas-ring"
        />
      ))}
      <path
        d={geometryPath(outline, view)}
        fill={LIGHT_COLORS[light]}
        fillOpacity={0.55}
        stroke="#111"
        strokeWidth={2.5}
        data-testid="areas-zone"
      />
    </MapFrame>
  );
}
