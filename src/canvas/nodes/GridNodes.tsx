import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { GRID } from '../../domain/layout';
import type { CurveNode, GridNode } from '../flow-model';
import { Cell } from './Cell';
import { LANE_COLORS } from '../visuals';
import { SCORES } from '../../domain/types';

/** Row and column lines and a tinted band per lane, drawn once as one SVG, and the cells over them. */
export const GridBackgroundNode = memo(function GridBackgroundNode({ data }: NodeProps<GridNode>) {
  const { layout, kinds, collapsed, cells } = data;
  return (
    <>
      <svg width={layout.width} height={layout.height} className="grid-bg" aria-hidden="true">
        {layout.rows.map((row, i) => (
          <g key={row.laneId}>
            <rect
              x={0}
              y={row.y}
              width={layout.width}
              height={row.height}
              style={{ fill: i % 2 ? 'var(--grid-row-alt)' : 'var(--grid-row)' }}
            />
            <rect x={0} y={row.y} width={4} height={row.height} fill={LANE_COLORS[kinds[i]!]} />
            {kinds[i] === 'emotions' &&
              !collapsed[i] &&
              SCORES.map((s) => {
                const y = row.y + GRID.cellPadding + (2 - s) * GRID.emotionStep + GRID.emotionCardHeight / 2;
                return (
                  <line
                    key={s}
                    x1={GRID.laneHeaderWidth}
                    x2={layout.width}
                    y1={y}
                    y2={y}
                    style={{ stroke: s === 0 ? 'var(--grid-line-strong)' : 'var(--grid-line)' }}
                    strokeDasharray={s === 0 ? '6 4' : undefined}
                  />
                );
              })}
            <line x1={0} x2={layout.width} y1={row.y} y2={row.y} style={{ stroke: 'var(--line)' }} />
          </g>
        ))}
        {layout.columns.map((col) => (
          <line key={col.stageId} x1={col.x} x2={col.x} y1={0} y2={layout.height} style={{ stroke: 'var(--line)' }} />
        ))}
        <rect
          x={0.5}
          y={0.5}
          width={layout.width - 1}
          height={layout.height - 1}
          fill="none"
          style={{ stroke: 'var(--grid-line-strong)' }}
        />
      </svg>
      {cells.map((cell) => (
        <Cell key={`${cell.stageId}:${cell.laneId}`} data={cell} />
      ))}
    </>
  );
});

export const EmotionCurveNode = memo(function EmotionCurveNode({ data }: NodeProps<CurveNode>) {
  return (
    <svg width={data.width} height={data.height} className="emotion-curve" aria-hidden="true">
      <path d={data.path} fill="none" stroke={data.color} strokeWidth={3} strokeLinecap="round" opacity={0.85} />
    </svg>
  );
});
