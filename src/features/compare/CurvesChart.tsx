import { useTranslation } from 'react-i18next';
import { smoothPath, type Point } from '../../domain/emotion-curve';
import type { StageScores } from '../../domain/compare';
import { SCORES } from '../../domain/types';

export interface Series {
  label: string;
  color: string;
}

const H = 220;
const PAD = { top: 20, bottom: 64, left: 64, right: 24 };
/** The chart's drawing width at most: more stages get narrower columns, not a wider chart. */
const MAX_PLOT = 1120;

/** A column's width for a number of stages: 160 while they fit, down to 40 for very many. */
export const columnWidth = (stages: number) => Math.max(40, Math.min(160, Math.floor(MAX_PLOT / Math.max(1, stages))));

function shorten(name: string, chars: number): string {
  const letters = Array.from(name);
  return letters.length > chars ? `${letters.slice(0, Math.max(1, chars - 1)).join('')}…` : name;
}

/**
 * Every journey's emotion curve over the aligned stages, one colour per persona. It scales to
 * the width it is given (a viewBox), so any number of stages fits; a stage only one journey has
 * is marked under its name.
 */
export function CurvesChart({
  scores,
  series,
  divergent,
}: {
  scores: StageScores[];
  series: Series[];
  divergent: ReadonlySet<number>;
}) {
  const { t } = useTranslation();
  const W = columnWidth(scores.length);
  const labelSize = W >= 100 ? 13 : 11;
  const chars = Math.floor(W / (labelSize * 0.55));
  const width = PAD.left + PAD.right + Math.max(1, scores.length) * W;
  const height = PAD.top + PAD.bottom + H;
  const x = (i: number) => PAD.left + i * W + W / 2;
  const y = (score: number) => PAD.top + ((2 - score) / 4) * H;
  return (
    <svg
      className="curves"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width }}
      preserveAspectRatio="xMinYMin meet"
      role="img"
      aria-label={t('compare.chartLabel')}
    >
      {scores.map((s, i) =>
        divergent.has(i) ? (
          <rect
            key={`d${i}`}
            x={PAD.left + i * W}
            y={PAD.top - 10}
            width={W}
            height={H + 20}
            style={{ fill: 'var(--diverge-band)' }}
          />
        ) : null,
      )}
      {SCORES.map((v) => (
        <g key={v}>
          <line
            x1={PAD.left}
            x2={width - PAD.right}
            y1={y(v)}
            y2={y(v)}
            style={{ stroke: v === 0 ? 'var(--grid-line-strong)' : 'var(--grid-line)' }}
            strokeDasharray={v === 0 ? '6 4' : undefined}
          />
          <text x={PAD.left - 10} y={y(v) + 4} textAnchor="end" fontSize="12" style={{ fill: 'var(--ink-soft)' }}>
            {v > 0 ? `+${v}` : v}
          </text>
        </g>
      ))}
      {scores.map((s, i) => (
        <g key={`n${i}`}>
          <text
            x={x(i)}
            y={height - PAD.bottom + 24}
            textAnchor="middle"
            fontSize={labelSize}
            fontWeight={divergent.has(i) ? 700 : 400}
            style={{ fill: 'var(--ink)' }}
          >
            <title>{s.name}</title>
            {shorten(s.name, chars)}
          </text>
          {s.onlyIn !== null && (
            <text
              x={x(i)}
              y={height - PAD.bottom + 42}
              textAnchor="middle"
              fontSize={labelSize - 2}
              fontStyle="italic"
              style={{ fill: 'var(--ink-soft)' }}
            >
              {shorten(t('compare.onlyIn', { name: series[s.onlyIn]?.label ?? '' }), chars)}
            </text>
          )}
        </g>
      ))}
      {series.map((line, li) => {
        // A stage without an emotion card breaks the curve rather than inventing a value; a thin
        // dashed line bridges the gap, so the curve still reads as one, as it does on the map.
        const runs: Point[][] = [[]];
        scores.forEach((s, i) => {
          const v = s.averages[li];
          if (v === null || v === undefined) runs.push([]);
          else runs[runs.length - 1]!.push({ x: x(i), y: y(v) });
        });
        const filled = runs.filter((r) => r.length > 0);
        return (
          <g key={li} data-series={line.label}>
            {filled.slice(1).map((r, ri) => {
              const from = filled[ri]![filled[ri]!.length - 1]!;
              return (
                <line
                  key={`g${ri}`}
                  className="curves__gap"
                  x1={from.x}
                  y1={from.y}
                  x2={r[0]!.x}
                  y2={r[0]!.y}
                  stroke={line.color}
                  strokeWidth={2}
                  strokeDasharray="6 5"
                />
              );
            })}
            {filled
              .filter((r) => r.length > 1)
              .map((r, ri) => (
                <path key={ri} d={smoothPath(r)} fill="none" stroke={line.color} strokeWidth={3} />
              ))}
            {runs.flat().map((p, pi) => (
              <circle key={pi} cx={p.x} cy={p.y} r={5} fill={line.color} stroke="#fff" strokeWidth={1.5} />
            ))}
          </g>
        );
      })}
    </svg>
  );
}
