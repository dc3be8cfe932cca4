import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { emotionPoints, smoothPath } from '../domain/emotion-curve';
import { GRID, layoutJourney, type JourneyLayout } from '../domain/layout';
import type { JourneyParts } from '../domain/queries';
import type { CardRec, ConnectionKind, LaneKind, StageRec } from '../domain/types';

export type CardNodeData = { card: CardRec; kind: LaneKind; laneTitle: string };
export type StageNodeData = { stage: StageRec; index: number };
export type LaneNodeData = { title: string; kind: LaneKind };
export type GridNodeData = { layout: JourneyLayout; kinds: LaneKind[] };
export type CurveNodeData = { path: string; width: number; height: number; color: string };

export type CardNode = Node<CardNodeData, 'card'>;
export type StageNode = Node<StageNodeData, 'stage'>;
export type LaneNode = Node<LaneNodeData, 'lane'>;
export type GridNode = Node<GridNodeData, 'grid'>;
export type CurveNode = Node<CurveNodeData, 'curve'>;
export type JourneyNode = CardNode | StageNode | LaneNode | GridNode | CurveNode;

const EDGE_STYLE: Record<ConnectionKind, { stroke: string; dash?: string }> = {
  flow: { stroke: '#2b3a55' },
  alternative: { stroke: '#6c5ce7', dash: '2 6' },
  dropoff: { stroke: '#c0392b', dash: '8 6' },
};

/** Records → React Flow nodes and edges, placed by the pure layout function. */
export function toFlow(
  parts: JourneyParts,
  laneTitle: (kind: LaneKind, title: string | undefined) => string,
  curveColor: string,
): { nodes: JourneyNode[]; edges: Edge[]; layout: JourneyLayout } {
  const layout = layoutJourney(parts.stages, parts.lanes, parts.cards);
  const lanes = new Map(parts.lanes.map((l) => [l.id, l]));
  const nodes: JourneyNode[] = [
    {
      id: 'grid',
      type: 'grid',
      position: { x: 0, y: 0 },
      data: { layout, kinds: parts.lanes.map((l) => l.kind) },
      width: layout.width,
      height: layout.height,
      selectable: false,
      focusable: false,
      zIndex: -1,
    },
  ];
  parts.stages.forEach((stage, index) => {
    const col = layout.columns[index]!;
    nodes.push({
      id: `stage:${stage.id}`,
      type: 'stage',
      position: { x: col.x, y: 0 },
      width: col.width,
      height: GRID.stageHeaderHeight,
      data: { stage, index },
      selectable: false,
      focusable: false,
    });
  });
  parts.lanes.forEach((lane, index) => {
    const row = layout.rows[index]!;
    nodes.push({
      id: `lane:${lane.id}`,
      type: 'lane',
      position: { x: 0, y: row.y },
      width: GRID.laneHeaderWidth,
      height: row.height,
      data: { title: laneTitle(lane.kind, lane.title), kind: lane.kind },
      selectable: false,
      focusable: false,
    });
  });
  const emotionLane = parts.lanes.find((l) => l.kind === 'emotions');
  const points = emotionPoints(layout, parts.cards, emotionLane?.id ?? null);
  if (points.length > 1) {
    nodes.push({
      id: 'curve',
      type: 'curve',
      position: { x: 0, y: 0 },
      width: layout.width,
      height: layout.height,
      data: { path: smoothPath(points), width: layout.width, height: layout.height, color: curveColor },
      selectable: false,
      focusable: false,
      zIndex: 0,
    });
  }
  for (const card of parts.cards) {
    const box = layout.cards[card.id];
    const lane = lanes.get(card.laneId);
    if (!box || !lane) continue;
    nodes.push({
      id: card.id,
      type: 'card',
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      data: { card, kind: lane.kind, laneTitle: laneTitle(lane.kind, lane.title) },
      zIndex: 1,
    });
  }
  const edges: Edge[] = parts.connections.map((x) => {
    const style = EDGE_STYLE[x.kind ?? 'flow'];
    const from = layout.cards[x.from];
    const to = layout.cards[x.to];
    // Forward links run right to left edge; backward and same-column links loop below the
    // cards instead of cutting through the row.
    const forward = !from || !to || to.x > from.x + from.width / 2;
    return {
      id: x.id,
      source: x.from,
      target: x.to,
      sourceHandle: forward ? 'out' : 'out-bottom',
      targetHandle: forward ? 'in' : 'in-bottom',
      label: x.label,
      type: 'default',
      className: `connection connection--${x.kind ?? 'flow'}`,
      style: { stroke: style.stroke, strokeWidth: 2, strokeDasharray: style.dash },
      markerEnd: { type: MarkerType.ArrowClosed, color: style.stroke, width: 18, height: 18 },
      labelBgPadding: [6, 3] as [number, number],
      labelBgBorderRadius: 4,
      zIndex: 2,
    };
  });
  return { nodes, edges, layout };
}
