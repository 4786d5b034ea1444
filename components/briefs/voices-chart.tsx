import type { Voice } from "@/lib/analysis/framing-measures";

export type VoicesChartProps = { id: string; voices: Voice[]; sourceName: string };

const ROW = 22;
const LABEL = 130;
const WIDTH = 320;
const MAX_ROWS = 8;

function shorten(name: string, length = 20): string {
  return name.length > length ? `${name.slice(0, length - 1)}…` : name;
}

/**
 * Whose voices a source quotes, as horizontal bars (direct quotes solid, reported speech hatched) drawn
 * on the server; the table after it carries the same numbers for everyone.
 */
export function VoicesChart({ id, voices, sourceName }: VoicesChartProps) {
  const shown = voices.slice(0, MAX_ROWS);
  const max = Math.max(1, ...shown.map((voice) => voice.total));
  const barWidth = WIDTH - LABEL - 30;
  const height = shown.length * ROW + 4;
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      className="max-w-sm text-gray-800"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{`Voices quoted by ${sourceName}: ${shown.map((voice) => `${voice.speaker} ${voice.total}`).join(", ")}`}</title>
      <defs>
        <pattern id={`${id}-hatch`} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="4" height="4" fill="var(--color-blue-100, #dbeafe)" />
          <line x1="0" y1="0" x2="0" y2="4" stroke="var(--color-blue-700, #1d4ed8)" strokeWidth="1.5" />
        </pattern>
      </defs>
      {shown.map((voice, index) => {
        const y = index * ROW + 2;
        const quoteWidth = Math.round((voice.quote / max) * barWidth * 10) / 10;
        const reportedWidth = Math.round((voice.reported / max) * barWidth * 10) / 10;
        return (
          <g key={voice.speaker}>
            <text x={LABEL - 6} y={y + 14} textAnchor="end" fontSize="11" fill="currentColor">
              {shorten(voice.speaker)}
            </text>
            <rect x={LABEL} y={y + 3} width={quoteWidth} height={ROW - 8} fill="var(--color-blue-700, #1d4ed8)" />
            <rect
              x={LABEL + quoteWidth}
              y={y + 3}
              width={reportedWidth}
              height={ROW - 8}
              fill={`url(#${id}-hatch)`}
              stroke="var(--color-blue-700, #1d4ed8)"
              strokeWidth="0.5"
            />
            <text x={LABEL + quoteWidth + reportedWidth + 4} y={y + 14} fontSize="11" fill="currentColor">
              {voice.total}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
