import type { Edge, Node } from '@xyflow/react';
import { emotionPoints, smoothPath } from '../domain/emotion-curve';
import { GRID, layoutJourney, type Box, type JourneyLayout } from '../domain/layout';
import type { JourneyParts } from '../domain/queries';
import type { CardRec, Id, LaneKind, LaneRec, StageRec } from '../domain/types';
import { connectionEdges, isForward, routeAll, type Routing } from './flow-edges';
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
  /**
   * The interface language: nodes read their messages when drawn, so a new language makes every
   * node anew (the canvas itself stays, with its viewport).
   */
  language: string;
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
 * The handles a card's connections start and end at: its right and left edges for a link to a
 * later stage, its bottom otherwise (the line itself is routed by `routeConnection`).
 */
function usedHandles(parts: JourneyParts, layout: JourneyLayout): Map<Id, number> {
  const used = new Map<Id, number>();
  const mark = (id: Id, bit: number) => used.set(id, (used.get(id) ?? 0) | bit);
  for (const x of parts.connections) {
    const from = layout.cards[x.from];
    const to = layout.cards[x.to];
    if (!from || !to) continue;
    const forward = isForward(from, to);
    mark(x.from, forward ? HANDLE.out : HANDLE.outBottom);
    mark(x.to, forward ? HANDLE.in : HANDLE.inBottom);
  }
  return used;
}

/** How many cards each cell and each stage holds. */
function countCards(cards: readonly CardRec[]) {
  const cells = new Map<string, number>();
  const stages = new Map<Id, number>();
  for (const c of cards) {
    const k = `${c.stageId}/${c.laneId}`;
    cells.set(k, (cells.get(k) ?? 0) + 1);
    stages.set(c.stageId, (stages.get(c.stageId) ?? 0) + 1);
  }
  return { cells, stages };
}

interface BuildContext {
  input: FlowInput;
  layout: JourneyLayout;
  titles: Map<Id, string>;
  cache: NodeCache<JourneyNode>;
}

/** The grid: lines and every cell, with its words (worked out once per lane, stage and count). */
function gridNode(
  { input, layout, titles, cache }: BuildContext,
  cellCount: Map<string, number>,
  labelCache: Map<string, ReturnType<FlowInput['cellLabels']>>,
): JourneyNode {
  const { parts, collapsed, cellLabels } = input;
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
  return cache.get('grid', [layout.width, layout.height, ...kinds, ...collapsedFlags, ...cellKeys], () => ({
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
  }));
}

/** One header per stage, dragged by its grip to reorder. */
function stageNodes({ input, layout, cache }: BuildContext, stageCount: Map<Id, number>): JourneyNode[] {
  const { stages } = input.parts;
  return stages.map((stage, index) => {
    const col = layout.columns[index]!;
    const cardCount = stageCount.get(stage.id) ?? 0;
    return cache.get(`stage:${stage.id}`, [stage, index, stages.length, col.x, cardCount], () => ({
      id: `stage:${stage.id}`,
      type: 'stage',
      position: { x: col.x, y: 0 },
      width: col.width,
      height: GRID.stageHeaderHeight,
      data: { stage, index, count: stages.length, cardCount },
      selectable: false,
      focusable: false,
      draggable: true,
      dragHandle: '.stage-header__grip',
      zIndex: 3,
    }));
  });
}

/** The emotion curve through the emotions lane's scores, when it has two points or more. */
function curveNode({ input, layout, cache }: BuildContext): JourneyNode | null {
  const { parts, collapsed, curveColor } = input;
  const emotionLane = parts.lanes.find((l) => l.kind === 'emotions');
  const points = emotionLane && !collapsed[emotionLane.id] ? emotionPoints(layout, parts.cards, emotionLane.id) : [];
  if (points.length < 2) return null;
  const path = smoothPath(points);
  return cache.get('curve', [path, layout.width, layout.height, curveColor], () => ({
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
  }));
}

/** One node per card in its box; a card whose inputs are unchanged keeps its node object. */
function cardNodes({ input, layout, titles, cache }: BuildContext, boxes: Map<Id, Box>): JourneyNode[] {
  const { parts, selectedCards, inlineEditing, detailed } = input;
  const lanes = new Map(parts.lanes.map((l) => [l.id, l]));
  const used = usedHandles(parts, layout);
  const out: JourneyNode[] = [];
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
    out.push(
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
  return out;
}

const same = <T>(prev: readonly T[], next: readonly T[]) =>
  prev.length === next.length && next.every((item, i) => item === prev[i]);

/**
 * Records → React Flow nodes and edges, placed by the pure layout function, built by the grid,
 * stage, curve, card and edge builders above. One instance per canvas: it remembers node objects
 * so that unchanged records keep their nodes, and the last layout and routes while what they
 * read is unchanged (typing in a card changes neither).
 */
export function createFlowModel() {
  const cache = new NodeCache<JourneyNode>();
  const edgeCache = new NodeCache<Edge>();
  const boxes = new Map<Id, Box>();
  const labelCache = new Map<string, ReturnType<FlowInput['cellLabels']>>();
  let lastLayout: { key: string; layout: JourneyLayout } = { key: '', layout: layoutJourney([], [], []) };
  let routing: Routing = { layout: null, connections: [], routes: new Map(), labelAt: new Map() };
  // The last arrays handed out: when every item is the same object, the same array goes back,
  // and React Flow skips its whole edge (or node) update (typing in a card changes no edge).
  let lastEdges: Edge[] = [];
  let lastNodes: JourneyNode[] = [];
  let lastLanguage = '';

  return function toFlow(input: FlowInput): FlowModel {
    const { parts, collapsed, laneTitle } = input;
    if (input.language !== lastLanguage) {
      lastLanguage = input.language;
      cache.clear();
      edgeCache.clear();
      labelCache.clear();
    }
    const key = structureKey(parts.stages, parts.lanes, parts.cards, collapsed);
    if (key !== lastLayout.key)
      lastLayout = { key, layout: layoutJourney(parts.stages, parts.lanes, parts.cards, collapsed) };
    const layout = lastLayout.layout;
    const titles = new Map(parts.lanes.map((l) => [l.id, laneTitle(l.kind, l.title)]));
    const ctx: BuildContext = { input, layout, titles, cache };
    const counts = countCards(parts.cards);
    const curve = curveNode(ctx);
    const nodes: JourneyNode[] = [
      gridNode(ctx, counts.cells, labelCache),
      ...stageNodes(ctx, counts.stages),
      ...(curve ? [curve] : []),
      ...cardNodes(ctx, boxes),
    ];
    cache.sweep();
    if (routing.layout !== layout || !same(routing.connections, parts.connections)) routing = routeAll(parts, layout);
    const edges = connectionEdges(input, layout, routing, edgeCache);
    edgeCache.sweep();
    if (!same(lastEdges, edges)) lastEdges = edges;
    if (!same(lastNodes, nodes)) lastNodes = nodes;
    return { nodes: lastNodes, edges: lastEdges, layout };
  };
}
