import { INSET, MAP_CREDIT, MAP_HEIGHT, MAP_WIDTH } from '~/geo/map-frame';
import type { Tone } from '~/domain/public-regions';

export type MapShape = { code: string; name: string; d: string };
export type MapMarker = { id: number; x: number; y: number; inset: boolean; href: string; label: string; tone?: Tone };

const TONE_FILL: Record<Tone, string> = {
  full: '#0b5c8a',
  some: '#b45309',
  low: '#b45309',
  none: '#b91c1c',
};

/**
 * The national map as inline SVG, drawn from server data: province outlines (decorative), one
 * focusable link per region marker with an accessible name. The list beside it is the text
 * alternative; the map adds no information the list lacks.
 */
export function RegionMap({
  shapes,
  markers,
  title,
  insetLabel,
  titleId,
}: {
  shapes: MapShape[];
  markers: MapMarker[];
  title: string;
  insetLabel: string;
  titleId: string;
}) {
  const hasInset = markers.some((m) => m.inset);
  return (
    <figure className="m-0">
      <svg
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        className="region-map h-auto w-full max-w-[560px]"
        aria-labelledby={titleId}
        role="group"
      >
        <title id={titleId}>{title}</title>
        <g aria-hidden="true">
          {shapes.map((s) => (
            <path key={s.code} d={s.d} fill="#e2e8f0" stroke="#64748b" strokeWidth={0.8} />
          ))}
          {hasInset ? (
            <g>
              <rect x={INSET.x} y={INSET.y} width={INSET.width} height={INSET.height} fill="#f8fafc" stroke="#64748b" strokeDasharray="4 3" />
              <text x={INSET.x + 8} y={INSET.y + 16} fontSize={12} fill="#334155">
                {insetLabel}
              </text>
            </g>
          ) : null}
        </g>
        {markers.map((m) => (
          <a key={m.id} href={m.href} aria-label={m.label} className="map-marker">
            <circle cx={m.x} cy={m.y} r={6} fill={TONE_FILL[m.tone ?? 'full']} stroke="#ffffff" strokeWidth={1.5} />
          </a>
        ))}
      </svg>
      <figcaption className="mt-1 text-xs text-slate-700">{MAP_CREDIT}</figcaption>
    </figure>
  );
}
