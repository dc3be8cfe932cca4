import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { placeLabels, routeConnection, type Point, type Route } from '../domain/connection-route';
import { emotionPoints, smoothPath } from '../domain/emotion-curve';
import { approximateMeasure } from '../domain/text-measure';
import { GRID, layoutJourney, type Box, type JourneyLayout } from '../domain/layout';
import type { JourneyParts } from '../domain/queries';
import type { CardRec, ConnectionRec, Id, LaneKind, LaneRec, StageRec } from '../domain/types';
import { EDGE_STYLES } from './visuals';
import { NodeCache } from './node-cache';

/** Which connection handles a card draws (see HANDLE); a bit set, so the node cache compares a number. */
export type CardNodeData = {
  cardId: Id;
  kind: LaneKind;
  laneTitle: string;
  editing: boolean;
  handles: number;
  detailed: boolean;
};

export const HANDLE = { in: 1, out: 2, inBottom: 4, outBottom: 8 } as const;
export type StageNodeData = { stage: StageRec; index: number; count: number; cardCount: number };
/** One cell of the grid; its labels are worked out once here, so cells render without hooks. */
export type CellData = {
  journeyId: Id;
  stageId: Id;
  laneId: Id;
  addLabel: string;
  hiddenLabel: string;
  cardCount: number;
  collapsed: boolean;
  box: Box;
};
/** The grid draws the lines and holds every cell (one node, not one per cell: fewer nodes to measure). */
export type GridNodeData = { layout: JourneyLayout; kinds: LaneKind[]; collapsed: boolean[]; cells: CellData[] };
export type CurveNodeData = { path: string; width: number; height: number; color: string };

export type CardNode = Node<CardNodeData, 'card'>;
export type StageNode = Node<StageNodeData, 'stage'>;
export type GridNode = Node<GridNodeData, 'grid'>;
export type CurveNode = Node<CurveNodeData, 'curve'>;
export type JourneyNode = CardNode | StageNode | GridNode | CurveNode;

export interface FlowInput {
  parts: JourneyParts;
  laneTitle: (kind: LaneKind, title: string | undefined) => string;
  /** "Add card to <lane> in <stage>" and "<n> cards hidden", in the user's language. */
  cellLabels: (laneTitle: string, stageName: string, cardCount: number) => { add: string; hidden: string };
  curveColor: string;
  collapsed: Readonly<Record<Id, true>>;
  selectedCards: ReadonlySet<Id>;
  selectedConnection: Id | null;
  inlineEditing: Id | null;
  /** False below the zoom where a card's chips cannot be read (see DETAIL_ZOOM). */
  detailed: boolean;
}

export interface FlowModel {
  nodes: JourneyNode[];
  edges: Edge[];
  layout: JourneyLayout;
}

const sameBox = (a: Box | undefined, b: Box) =>
  a !== undefined && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/** What the layout reads of a journey: stages, lanes (and which are collapsed), each card's cell and score. */
function structureKey(
  stages: readonly StageRec[],
  lanes: readonly LaneRec[],
  cards: readonly CardRec[],
  collapsed: Readonly<Record<Id, true>>,
): string {
  const parts: string[] = [];
  for (const s of stages) parts.push(s.id);
  parts.push('|');
  for (const l of lanes) parts.push(`${l.id}:${l.kind}:${collapsed[l.id] ? 1 : 0}`);
  parts.push('|');
  for (const c of cards) parts.push(`${c.id}:${c.stageId}:${c.laneId}:${c.score ?? ''}`);
  return parts.join('\u0000');
}

/**
 * Records → React Flow nodes and edges, placed by the pure layout function. One instance per
 * canvas: it remembers node objects so that unchanged records keep their nodes.
 */
export function createFlowModel() {
  const cache = new NodeCache<JourneyNode>();
  const edgeCache = new NodeCache<Edge>();
  const boxes = new Map<Id, Box>();
  // A cell's words (its add button's name) change only with its lane, stage and count.
  const labelCache = new Map<string, ReturnType<FlowInput['cellLabels']>>();
  let lastLayout: { key: string; layout: JourneyLayout } = { key: '', layout: layoutJourney([], [], []) };
  let lastRouting: {
    layout: JourneyLayout | null;
    connections: readonly ConnectionRec[];
    routes: Map<Id, Route>;
    labelAt: Map<Id, Point>;
  } = {
    layout: null,
    connections: [],
    routes: new Map(),
    labelAt: new Map(),
  };
  // The last arrays handed out: when every item is the same object, the same array goes back,
  // and React Flow skips its whole edge (or node) update (typing in a card changes no edge).
  let lastEdges: Edge[] = [];
  let lastNodes: JourneyNode[] = [];
  const same = <T>(prev: readonly T[], next: readonly T[]) =>
    prev.length === next.length && next.every((item, i) => item === prev[i]);

  return function toFlow({
    parts,
    laneTitle,
    cellLabels,
    curveColor,
    collapsed,
    selectedCards,
    selectedConnection,
    inlineEditing,
    detailed,
  }: FlowInput): FlowModel {
    // The layout depends on where cards are, not on their words: while typing it is the same.
    const key = structureKey(parts.stages, parts.lanes, parts.cards, collapsed);
    if (key !== lastLayout.key)
      lastLayout = { key, layout: layoutJourney(parts.stages, parts.lanes, parts.cards, collapsed) };
    const layout = lastLayout.layout;
    const isForward = (from: Box, to: Box) => to.x > from.x + from.width / 2;
    // The handles a card's connections start and end at: its right and left edges for a link to
    // a later stage, its bottom otherwise (the line itself is routed by `routeConnection`).
    const used = new Map<Id, number>();
    const markHandle = (id: Id, bit: number) => used.set(id, (used.get(id) ?? 0) | bit);
    for (const x of parts.connections) {
      const from = layout.cards[x.from];
      const to = layout.cards[x.to];
      if (!from || !to) continue;
      const forward = isForward(from, to);
      markHandle(x.from, forward ? HANDLE.out : HANDLE.outBottom);
      markHandle(x.to, forward ? HANDLE.in : HANDLE.inBottom);
    }
    const lanes = new Map(parts.lanes.map((l) => [l.id, l]));
    const titles = new Map(parts.lanes.map((l) => [l.id, laneTitle(l.kind, l.title)]));
    const cellCount = new Map<string, number>();
    const stageCount = new Map<Id, number>();
    for (const c of parts.cards) {
      const k = `${c.stageId}/${c.laneId}`;
      cellCount.set(k, (cellCount.get(k) ?? 0) + 1);
      stageCount.set(c.stageId, (stageCount.get(c.stageId) ?? 0) + 1);
    }

    const kinds = parts.lanes.map((l) => l.kind);
    const collapsedFlags = parts.lanes.map((l) => !!collapsed[l.id]);
    const cells: CellData[] = [];
    const cellKeys: unknown[] = [];
    parts.lanes.forEach((lane, li) => {
      const row = layout.rows[li]!;
      parts.stages.forEach((stage, si) => {
        const col = layout.columns[si]!;
        const cardCount = cellCount.get(`${stage.id}/${lane.id}`) ?? 0;
        const labelKey = `${titles.get(lane.id)}\u0000${stage.name}\u0000${cardCount}`;
        let labels = labelCache.get(labelKey);
        if (!labels) labelCache.set(labelKey, (labels = cellLabels(titles.get(lane.id)!, stage.name, cardCount)));
        const cell: CellData = {
          journeyId: parts.journey.id,
          stageId: stage.id,
          laneId: lane.id,
          addLabel: labels.add,
          hiddenLabel: labels.hidden,
          cardCount,
          collapsed: !!collapsed[lane.id],
          box: { x: col.x, y: row.y, width: col.width, height: row.height },
        };
        cells.push(cell);
        cellKeys.push(stage.id, lane.id, labels.add, labels.hidden, cell.collapsed, col.x, row.y, row.height);
      });
    });
    const nodes: JourneyNode[] = [
      cache.get('grid', [layout.width, layout.height, ...kinds, ...collapsedFlags, ...cellKeys], () => ({
        id: 'grid',
        type: 'grid',
        position: { x: 0, y: 0 },
        data: { layout, kinds, collapsed: collapsedFlags, cells },
        width: layout.width,
        height: layout.height,
        selectable: false,
        draggable: false,
        focusable: false,
        zIndex: -1,
      })),
    ];
    parts.stages.forEach((stage, index) => {
      const col = layout.columns[index]!;
      const cardCount = stageCount.get(stage.id) ?? 0;
      nodes.push(
        cache.get(`stage:${stage.id}`, [stage, index, parts.stages.length, col.x, cardCount], () => ({
          id: `stage:${stage.id}`,
          type: 'stage',
          position: { x: col.x, y: 0 },
          width: col.width,
          height: GRID.stageHeaderHeight,
          data: { stage, index, count: parts.stages.length, cardCount },
          selectable: false,
          focusable: false,
          draggable: true,
          dragHandle: '.stage-header__grip',
          zIndex: 3,
        })),
      );
    });
    const emotionLane = parts.lanes.find((l) => l.kind === 'emotions');
    const points = emotionLane && !collapsed[emotionLane.id] ? emotionPoints(layout, parts.cards, emotionLane.id) : [];
    if (points.length > 1) {
      const path = smoothPath(points);
      nodes.push(
        cache.get('curve', [path, layout.width, layout.height, curveColor], () => ({
          id: 'curve',
          type: 'curve',
          position: { x: 0, y: 0 },
          width: layout.width,
          height: layout.height,
          data: { path, width: layout.width, height: layout.height, color: curveColor },
          selectable: false,
          draggable: false,
          focusable: false,
          zIndex: 1,
        })),
      );
    }
    for (const card of parts.cards) {
      const box = layout.cards[card.id];
      const lane = lanes.get(card.laneId);
      if (!box || !lane) continue;
      // Keep the previous box object while the numbers are equal, so the cache sees no change.
      const prev = boxes.get(card.id);
      const stableBox = sameBox(prev, box) ? prev! : box;
      boxes.set(card.id, stableBox);
      const title = titles.get(lane.id)!;
      const selected = selectedCards.has(card.id);
      const editing = inlineEditing === card.id;
      // Handles cost a thousand elements on a big map. Readable cards (and the selected one) get
      // both edge handles to start or end a connection by dragging; below that zoom a card draws
      // only the handles its connections need. A node whose object changes is measured again by
      // React Flow (it has no `measured`), so a handle added later is found by its edges.
      const needed = used.get(card.id) ?? 0;
      const handles = detailed || selected ? needed | HANDLE.in | HANDLE.out : needed;
      nodes.push(
        cache.get(card.id, [stableBox, lane.kind, title, selected, editing, handles, detailed], () => ({
          id: card.id,
          type: 'card',
          position: { x: stableBox.x, y: stableBox.y },
          width: stableBox.width,
          height: stableBox.height,
          data: { cardId: card.id, kind: lane.kind, laneTitle: title, editing, handles, detailed },
          selected,
          // Cards are dragged by `useCardDrag`, which stays as quick on a big map as on a small one.
          draggable: false,
          zIndex: 2,
        })),
      );
    }
    cache.sweep();

    const edges: Edge[] = [];
    // The same route and label places as the exports (connection-route.ts): the map and its
    // pictures always agree.
    if (lastRouting.layout !== layout || !same(lastRouting.connections, parts.connections)) {
      const routes = new Map<Id, Route>();
      for (const x of parts.connections) {
        const from = layout.cards[x.from];
        const to = layout.cards[x.to];
        if (from && to) routes.set(x.id, routeConnection(from, to));
      }
      const labelAt = placeLabels(
        parts.connections
          .filter((x) => x.label?.trim() && routes.has(x.id))
          .map((x) => ({
            id: x.id,
            route: routes.get(x.id)!,
            width: approximateMeasure(x.label!, 12, false) + 16,
            height: 20,
          })),
        Object.values(layout.cards),
      );
      lastRouting = { layout, connections: parts.connections, routes, labelAt };
    }
    const { routes, labelAt } = lastRouting;
    for (const x of parts.connections) {
      const from = layout.cards[x.from];
      const to = layout.cards[x.to];
      const route = routes.get(x.id);
      if (!from || !to || !route) continue; // an end is in a collapsed lane
      const style = EDGE_STYLES[x.kind ?? 'flow'];
      const forward = isForward(from, to);
      const at = labelAt.get(x.id);
      const selectedEdge = selectedConnection === x.id;
      edges.push(
        edgeCache.get(x.id, [x, route.d, at?.x, at?.y, forward, selectedEdge, detailed], () => ({
          id: x.id,
          source: x.from,
          target: x.to,
          sourceHandle: forward ? 'out' : 'out-bottom',
          targetHandle: forward ? 'in' : 'in-bottom',
          label: x.label,
          data: { path: route.d, labelAt: at },
          type: 'connection',
          selected: selectedEdge,
          className: `connection connection--${x.kind ?? 'flow'}`,
          // Dashes below the readable zoom are under a pixel long, and drawing them costs: the
          // browser dashes the whole of every curve it repaints, on each frame of a drag.
          style: {
            stroke: style.stroke,
            strokeWidth: selectedEdge ? 4 : 2,
            strokeDasharray: detailed ? style.dash : undefined,
          },
          markerEnd: { type: MarkerType.ArrowClosed, color: style.stroke, width: 18, height: 18 },
          zIndex: 2,
          ariaLabel: x.label,
        })),
      );
    }
    edgeCache.sweep();
    if (!same(lastEdges, edges)) lastEdges = edges;
    if (!same(lastNodes, nodes)) lastNodes = nodes;
    return { nodes: lastNodes, edges: lastEdges, layout };
  };
}
