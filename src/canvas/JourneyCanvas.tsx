import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  ViewportPortal,
  useReactFlow,
  useStore,
  type Connection,
  type Edge,
  type Node,
  type NodeChange,
  type Viewport,
  type XYPosition,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moveCards, setEmotionScore } from '../domain/card-commands';
import { batch } from '../domain/command';
import { addConnection } from '../domain/connection-commands';
import { randomId } from '../domain/ids';
import { GRID, layoutJourney } from '../domain/layout';
import type { JourneyParts } from '../domain/queries';
import { moveStage } from '../domain/stage-commands';
import type { Id, LaneKind } from '../domain/types';
import { run } from './editor-actions';
import { clearSelection, editorState, selectCards, selectConnection, useEditor } from './editor-state';
import { dropTarget, type DropTarget } from './drop-target';
import { createFlowModel, type JourneyNode } from './flow-model';
import { LaneRail } from './LaneRail';
import { edgeTypes, nodeTypes } from './node-types';
import { DETAIL_ZOOM } from './nodes/CardNode';
import { LANE_COLORS } from './visuals';

/** Fitting leaves the controls (left) and the minimap (right) their own margins. */
const FIT_PADDING = { top: '16px', bottom: '16px', left: '60px', right: '196px' } as const;
const FIT_PX = { top: 16, bottom: 16, left: 60, right: 196 };
const MIN_ZOOM = 0.05;
const MAX_ZOOM = 2.5;

/** The fit-to-screen viewport, computed before the first render so the map is drawn once, fitted. */
function fittedViewport(layout: { width: number; height: number }, size: { width: number; height: number }): Viewport {
  const w = Math.max(1, size.width - FIT_PX.left - FIT_PX.right);
  const h = Math.max(1, size.height - FIT_PX.top - FIT_PX.bottom);
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.min(w / layout.width, h / layout.height)));
  return { zoom, x: FIT_PX.left + (w - layout.width * zoom) / 2, y: FIT_PX.top + (h - layout.height * zoom) / 2 };
}
const MINIMAP = { width: 168, height: 120 };
/** In workshop mode cards are never drawn smaller than this: a room reads them from afar. */
const WORKSHOP_MIN_ZOOM = 1;

/** The whole map when it fits at a readable size; otherwise its top-left at that size. */
function workshopViewport(layout: { width: number; height: number }, size: { width: number; height: number }): Viewport {
  const fitted = fittedViewport(layout, size);
  if (fitted.zoom >= WORKSHOP_MIN_ZOOM) return fitted;
  const zoom = WORKSHOP_MIN_ZOOM;
  const w = size.width - FIT_PX.left - FIT_PX.right;
  const x = layout.width * zoom <= w ? FIT_PX.left + (w - layout.width * zoom) / 2 : FIT_PX.left;
  return { zoom, x, y: FIT_PX.top };
}


function minimapColor(node: Node): string {
  if (node.type === 'card') return LANE_COLORS[(node.data as { kind: LaneKind }).kind];
  return 'transparent';
}

interface DragState {
  positions: Record<Id, XYPosition>;
  target: DropTarget | null;
}

/**
 * Fit mode: until the user pans or zooms, the whole map stays in view as it grows or the canvas
 * is resized (the details panel opens); Fit View turns it on again.
 */
function useFitMode(layout: { width: number; height: number }, workshop: boolean) {
  const flow = useReactFlow();
  const fitting = useRef(true);
  // Refitting during a drag would move the map under the pointer; it waits for the drop.
  const dragging = useRef(false);
  const latest = useRef({ layout, workshop });
  latest.current = { layout, workshop };
  const fit = useCallback(() => {
    if (!fitting.current || dragging.current) return;
    const el = document.querySelector('.canvas__inner');
    if (latest.current.workshop && el) {
      const { width, height } = el.getBoundingClientRect();
      void flow.setViewport(workshopViewport(latest.current.layout, { width, height }));
    } else void flow.fitView({ padding: FIT_PADDING });
  }, [flow]);
  useEffect(fit, [fit, layout.width, layout.height]);
  // Entering or leaving workshop mode frames the map anew.
  const firstMode = useRef(true);
  useEffect(() => {
    if (firstMode.current) {
      firstMode.current = false;
      return;
    }
    fitting.current = true;
    fit();
  }, [workshop, fit]);
  useEffect(() => {
    const el = document.querySelector('.canvas__inner');
    if (!el) return;
    const observer = new ResizeObserver(() => fit());
    observer.observe(el);
    return () => observer.disconnect();
  }, [fit]);
  const startedAt = useRef<Viewport | null>(null);
  return {
    fitting,
    onDragStart: () => {
      dragging.current = true;
    },
    onDragEnd: () => {
      dragging.current = false;
      requestAnimationFrame(fit);
    },
    onMoveStart: (_event: unknown, viewport: Viewport) => {
      startedAt.current = viewport;
    },
    onMoveEnd: (event: unknown, viewport: Viewport) => {
      // Only a person's gesture has an event, and a click on a button is a gesture that moved nothing.
      const from = startedAt.current;
      const moved = !from || from.x !== viewport.x || from.y !== viewport.y || from.zoom !== viewport.zoom;
      if (event && moved) fitting.current = false;
    },
    onFitView: () => {
      fitting.current = true;
    },
  };
}

/** Keeps the selected card in view (after it was added, pasted or moved off screen), panning only. */
function useRevealSelection(boxes: Record<Id, { x: number; y: number; width: number; height: number }>, fitting: { current: boolean }) {
  const flow = useReactFlow();
  const selected = useEditor((s) => (s.selectedCards.length === 1 ? s.selectedCards[0]! : null));
  useEffect(() => {
    if (!selected || fitting.current) return;
    const box = boxes[selected];
    const el = document.querySelector('.react-flow');
    if (!box || !el) return;
    const { x, y, zoom } = flow.getViewport();
    const { width, height } = el.getBoundingClientRect();
    const left = box.x * zoom + x;
    const top = box.y * zoom + y;
    const visible = left >= 0 && top >= 0 && left + box.width * zoom <= width && top + box.height * zoom <= height;
    if (!visible) void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom });
    // Only when the selection changes, not on every edit of the card.
  }, [selected]); // eslint-disable-line react-hooks/exhaustive-deps
}

function CanvasInner({ parts, size, workshop }: { parts: JourneyParts; size: { width: number; height: number }; workshop: boolean }) {
  const { t } = useTranslation();
  const toFlow = useRef(createFlowModel()).current;
  const selectedCards = useEditor((s) => s.selectedCards);
  const selectedConnection = useEditor((s) => s.selectedConnection);
  const collapsed = useEditor((s) => s.collapsedLanes);
  const inlineEditing = useEditor((s) => s.inlineEditing);
  // One subscription for the whole canvas; cards get their detail level through their data.
  // The store says [0, 0, 1] until React Flow has applied the fitted default viewport.
  const storeZoom = useStore((s) => (s.transform[0] === 0 && s.transform[1] === 0 && s.transform[2] === 1 ? null : s.transform[2]));
  const selectedSet = useMemo(() => new Set(selectedCards), [selectedCards]);
  const laneTitle = useCallback((kind: LaneKind, title: string | undefined) => title?.trim() || t(`lane.${kind}`), [t]);
  const cellLabels = useCallback(
    (lane: string, stage: string, count: number) => ({ add: t('editor.addCardTo', { lane, stage }), hidden: t('editor.hiddenCards', { count }) }),
    [t],
  );
  const [initialViewport] = useState(() => (workshop ? workshopViewport : fittedViewport)(layoutJourney(parts.stages, parts.lanes, parts.cards, collapsed), size));
  const detailed = (storeZoom ?? initialViewport.zoom) >= DETAIL_ZOOM;
  const model = useMemo(
    () => toFlow({ parts, laneTitle, cellLabels, curveColor: parts.persona?.color ?? '#c9752b', collapsed, selectedCards: selectedSet, selectedConnection, inlineEditing, detailed }),
    [toFlow, parts, laneTitle, cellLabels, collapsed, selectedSet, selectedConnection, inlineEditing, detailed],
  );
  const [drag, setDrag] = useState<DragState | null>(null);

  // The overview waits for the map's first paint: the cards come first.
  const [showMinimap, setShowMinimap] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setTimeout(() => setShowMinimap(true), 0));
    return () => cancelAnimationFrame(frame);
  }, []);
  const fitMode = useFitMode(model.layout, workshop);
  useRevealSelection(model.layout.cards, fitMode.fitting);
  const laneKinds = useMemo(() => new Map(parts.lanes.map((l) => [l.id, l.kind])), [parts.lanes]);
  const titles = useMemo(() => new Map(parts.lanes.map((l) => [l.id, laneTitle(l.kind, l.title)])), [parts.lanes, laneTitle]);
  const laneCardCounts = useMemo(() => {
    const m = new Map<Id, number>();
    for (const c of parts.cards) m.set(c.laneId, (m.get(c.laneId) ?? 0) + 1);
    return m;
  }, [parts.cards]);


  const nodes = useMemo(() => {
    if (!drag) return model.nodes;
    return model.nodes.map((n) => (drag.positions[n.id] ? ({ ...n, position: drag.positions[n.id]!, dragging: true } as JourneyNode) : n));
  }, [model.nodes, drag]);

  const onNodesChange = useCallback(
    (changes: NodeChange<JourneyNode>[]) => {
      let selection: Set<Id> | null = null;
      let positions: Record<Id, XYPosition> | null = null;
      for (const change of changes) {
        if (change.type === 'select') {
          selection ??= new Set(editorState.getState().selectedCards);
          if (change.selected) selection.add(change.id);
          else selection.delete(change.id);
        } else if (change.type === 'position' && change.position && change.dragging) {
          positions ??= {};
          const isStage = change.id.startsWith('stage:');
          positions[change.id] = isStage ? { x: change.position.x, y: 0 } : change.position;
        }
      }
      if (selection) {
        const next = [...selection];
        const current = editorState.getState().selectedCards;
        if (next.length !== current.length || next.some((id, i) => id !== current[i])) selectCards(next);
      }
      if (positions) {
        const moved = positions;
        setDrag((prev) => {
          const all = { ...(prev?.positions ?? {}), ...moved };
          const [firstId, pos] = Object.entries(moved)[0]!;
          const node = model.layout.cards[firstId];
          const target = node
            ? dropTarget(model.layout, parts.cards, (id) => laneKinds.get(id), new Set(Object.keys(all)), pos.x + node.width / 2, pos.y + node.height / 2)
            : null;
          return { positions: all, target };
        });
      }
    },
    [model.layout, parts.cards, laneKinds],
  );

  const onNodeDragStop = useCallback(
    (_e: unknown, node: Node, dragged: Node[]) => {
      setDrag(null);
      fitMode.onDragEnd();
      if (node.id.startsWith('stage:')) {
        const stageId = node.id.slice('stage:'.length);
        const centre = node.position.x + GRID.columnWidth / 2;
        const others = model.layout.columns.filter((c) => c.stageId !== stageId);
        const index = others.filter((c) => c.x + c.width / 2 < centre).length;
        const current = parts.stages.findIndex((s) => s.id === stageId);
        if (index !== current) run(moveStage(stageId, index));
        return;
      }
      const box = model.layout.cards[node.id];
      if (!box) return;
      const ids = new Set(dragged.filter((n) => n.type === 'card').map((n) => n.id));
      const target = dropTarget(model.layout, parts.cards, (id) => laneKinds.get(id), ids, node.position.x + box.width / 2, node.position.y + box.height / 2);
      if (!target) return;
      const ordered = parts.cards.filter((c) => ids.has(c.id)).map((c) => c.id);
      const card = parts.cards.find((c) => c.id === node.id)!;
      const sameCell = ordered.length === 1 && card.stageId === target.stageId && card.laneId === target.laneId;
      if (target.score !== undefined && ordered.length === 1) {
        // An emotion point: its height is its score; a move sideways changes its stage.
        const commands = [];
        if (!sameCell) commands.push(moveCards(ordered, target));
        if (target.score !== card.score) commands.push(setEmotionScore(card.id, target.score));
        if (commands.length) run(batch('dragEmotion', commands));
        return;
      }
      const index = parts.cards.filter((c) => c.stageId === target.stageId && c.laneId === target.laneId && !ids.has(c.id));
      const currentIndex = index.findIndex((c) => c.order > card.order);
      if (sameCell && (currentIndex === -1 ? index.length : currentIndex) === target.index) return;
      run(moveCards(ordered, target));
    },
    [model.layout, parts.cards, parts.stages, laneKinds, fitMode],
  );

  const onConnect = useCallback((c: Connection) => {
    if (c.source && c.target) run(addConnection({ id: randomId(), from: c.source, to: c.target }));
  }, []);

  const onEdgeClick = useCallback((_e: unknown, edge: Edge) => selectConnection(edge.id), []);

  return (
    <ReactFlow
      nodes={nodes}
      edges={model.edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onNodeDragStart={fitMode.onDragStart}
      onNodeDragStop={onNodeDragStop}
      onConnect={onConnect}
      onEdgeClick={onEdgeClick}
      onPaneClick={clearSelection}
      onMoveStart={fitMode.onMoveStart}
      onMoveEnd={fitMode.onMoveEnd}
      nodesDraggable
      nodesConnectable
      nodesFocusable={false}
      edgesFocusable={false}
      elementsSelectable
      selectionKeyCode="Shift"
      multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
      deleteKeyCode={null}
      disableKeyboardA11y
      zoomOnDoubleClick={false}
      defaultViewport={initialViewport}
      minZoom={MIN_ZOOM}
      maxZoom={MAX_ZOOM}
    >
      <Background gap={24} color="#e6e9ef" />
      <LaneRail lanes={parts.lanes} layout={model.layout} titles={titles} cardCounts={laneCardCounts} />
      {drag?.target && (
        <ViewportPortal>
          <div
            className={drag.target.score !== undefined ? 'drop-indicator drop-indicator--point' : 'drop-indicator'}
            style={{
              transform: `translate(${drag.target.indicator.x}px, ${drag.target.indicator.y}px)`,
              width: drag.target.indicator.width,
              height: drag.target.indicator.height,
            }}
          />
        </ViewportPortal>
      )}
      <Controls showInteractive={false} fitViewOptions={{ padding: FIT_PADDING }} onFitView={fitMode.onFitView} />
      {showMinimap && <MiniMap pannable zoomable nodeColor={minimapColor} ariaLabel={t('editor.minimap')} style={MINIMAP} />}
    </ReactFlow>
  );
}

/** The journey as a stages × lanes grid on a pannable, zoomable React Flow canvas. */
export function JourneyCanvas({ parts, workshop = false }: { parts: JourneyParts; workshop?: boolean }) {
  const { t, i18n } = useTranslation();
  const inner = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const r = inner.current?.getBoundingClientRect();
    if (r) setSize({ width: r.width, height: r.height });
  }, []);
  return (
    <div className="canvas" aria-label={t('editor.canvas')} role="region">
      {/* React Flow sizes itself to 100% of its parent: an absolutely placed box gives it a definite size. */}
      <div className="canvas__inner" ref={inner}>
        <ReactFlowProvider>
          {/* Nodes read messages without subscribing; a new language draws the canvas anew. */}
          {size && <CanvasInner key={i18n.language} parts={parts} size={size} workshop={workshop} />}
        </ReactFlowProvider>
      </div>
    </div>
  );
}
