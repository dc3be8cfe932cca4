import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  ViewportPortal,
  useStore,
  type Connection,
  type Edge,
  type Node,
  type NodeChange,
  type Viewport,
  type XYPosition,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useViewOnly } from './use-view-only';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useStore as useZustand } from 'zustand';
import { addConnection } from '../domain/connection-commands';
import { randomId } from '../domain/ids';
import { GRID, layoutJourney } from '../domain/layout';
import type { JourneyParts } from '../domain/queries';
import { moveStage } from '../domain/stage-commands';
import type { Id, LaneKind } from '../domain/types';
import { run } from '../features/editor/editor-actions';
import { clearSelection, selectCards, selectConnection } from '../features/editor/editor-state';
import { CardDragContext, useCardDrag, type DragSource } from './card-drag';
import { DropIndicator } from './DropIndicator';
import { createFlowModel, type JourneyNode } from './flow-model';
import { frameMap, MAX_ZOOM, MIN_ZOOM, phonePartStart, readableZoom } from './framing';
import { LaneRail } from './LaneRail';
import { StageRail } from './StageRail';
import { useFitMode, useRevealCard } from './use-framing';
import { edgeTypes, nodeTypes } from './node-types';
import { DETAIL_ZOOM } from './nodes/CardNode';
import { LANE_COLORS } from './visuals';
import { useEditor, useApp } from '../app/app-context';
import { useFollowView } from '../features/live/use-follow-view';
import { useTablet } from '../features/editor/use-slim';
import { PresentVeil, usePresentFrame, usePresetFrame } from './use-present';
import { useIdeaDrop, type DropIdea } from './idea-drop';
import { useScrollToPan } from './scroll-pan';

const MINIMAP = { width: 168, height: 120 };

function minimapColor(node: Node): string {
  if (node.type === 'card') return LANE_COLORS[(node.data as { kind: LaneKind }).kind];
  return 'transparent';
}

// A prop React Flow copies into its store: a new array per render made every keystroke update
// the store that a thousand nodes listen to.
const MULTI_SELECTION_KEYS = ['Shift', 'Meta', 'Control'];

/** Nothing on the map has this class: on a phone a finger on a card pans the map too. */
const PAN_ANYWHERE = 'nopan-nowhere';
const noDrag = () => undefined;

function CanvasInner({
  parts,
  size,
  workshop,
  compact,
  onDropIdea,
  container,
}: {
  parts: JourneyParts;
  container: RefObject<HTMLDivElement | null>;
  size: { width: number; height: number };
  workshop: boolean;
  compact: boolean;
  onDropIdea?: DropIdea;
}) {
  const app = useApp();
  const { t, i18n } = useTranslation();
  const tablet = useTablet();
  const theme = useZustand(app.preferences, (s) => s.theme);
  const toFlow = useRef(createFlowModel()).current;
  const selectedCards = useEditor((s) => s.selectedCards);
  const selectedConnection = useEditor((s) => s.selectedConnection);
  const collapsed = useEditor((s) => s.collapsedLanes);
  const inlineEditing = useEditor((s) => s.inlineEditing);
  // One subscription for the whole canvas; cards get their detail level through their data.
  // The store says [0, 0, 1] until React Flow has applied the fitted default viewport.
  const storeZoom = useStore((s) =>
    s.transform[0] === 0 && s.transform[1] === 0 && s.transform[2] === 1 ? null : s.transform[2],
  );
  const selectedSet = useMemo(() => new Set(selectedCards), [selectedCards]);
  const laneTitle = useCallback((kind: LaneKind, title: string | undefined) => title?.trim() || t(`lane.${kind}`), [t]);
  // React Flow's own controls speak the user's language too.
  const ariaLabels = useMemo(
    () => ({
      'controls.ariaLabel': t('flow.controls'),
      'controls.zoomIn.ariaLabel': t('flow.zoomIn'),
      'controls.zoomOut.ariaLabel': t('flow.zoomOut'),
      'handle.ariaLabel': t('flow.handle'),
    }),
    [t],
  );
  const cellLabels = useCallback(
    (lane: string, stage: string, count: number) => ({
      add: t('editor.addCardTo', { lane, stage }),
      hidden: t('editor.hiddenCards', { count }),
    }),
    [t],
  );
  const partFrom = useMemo(() => (compact ? phonePartStart(GRID.laneHeaderWidth) : undefined), [compact]);
  const [initialViewport] = useState(() =>
    frameMap(
      layoutJourney(parts.stages, parts.lanes, parts.cards, collapsed),
      size,
      readableZoom({ workshop, compact, tablet }),
      partFrom,
    ),
  );
  const detailed = (storeZoom ?? initialViewport.zoom) >= DETAIL_ZOOM;
  const model = useMemo(
    () =>
      toFlow({
        parts,
        laneTitle,
        cellLabels,
        curveColor: parts.persona?.color ?? '#c9752b',
        collapsed,
        selectedCards: selectedSet,
        selectedConnection,
        inlineEditing,
        detailed,
        language: i18n.language,
      }),
    [
      toFlow,
      parts,
      laneTitle,
      cellLabels,
      collapsed,
      selectedSet,
      selectedConnection,
      inlineEditing,
      detailed,
      i18n.language,
    ],
  );
  const [stageDrag, setStageDrag] = useState<Record<Id, XYPosition> | null>(null);

  // The overview waits for the map's first paint: the cards come first.
  const [showMinimap, setShowMinimap] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setTimeout(() => setShowMinimap(true), 0));
    return () => cancelAnimationFrame(frame);
  }, []);
  const fitMode = useFitMode(model.layout, readableZoom({ workshop, compact, tablet }), partFrom);
  // Card details opening or closing resizes the canvas: the map is framed anew before that frame is
  // drawn, not a frame later, so nothing is ever where it was a moment ago (nor a click aimed at it).
  const panelOpen = useEditor((s) => s.selectedCards.length > 0 || s.selectedConnection !== null);
  const { frameNow } = fitMode;
  useLayoutEffect(frameNow, [panelOpen, frameNow]);
  const revealCard = useRevealCard(model.layout.cards, fitMode);
  const followed = useFollowView(parts.journey.id, model.layout, compact, fitMode.fitting);
  const { userMoved } = followed;
  // A viewer's map neither moves cards nor connects them.
  const viewOnly = useViewOnly(parts.journey.id);
  const wheelZooms = useZustand(app.preferences, (s) => s.wheelZooms);
  usePresentFrame(model.layout, fitMode);
  usePresetFrame(model.layout, fitMode);
  const presenting = useEditor((s) => s.presenting);
  const onMoveEnd = useCallback(
    (event: MouseEvent | TouchEvent | null, viewport: Viewport) => {
      fitMode.onMoveEnd(event, viewport);
      userMoved(event, viewport);
    },
    [fitMode, userMoved],
  );
  const laneKinds = useMemo(() => new Map(parts.lanes.map((l) => [l.id, l.kind])), [parts.lanes]);
  const titles = useMemo(
    () => new Map(parts.lanes.map((l) => [l.id, laneTitle(l.kind, l.title)])),
    [parts.lanes, laneTitle],
  );
  const laneCardCounts = useMemo(() => {
    const m = new Map<Id, number>();
    for (const c of parts.cards) m.set(c.laneId, (m.get(c.laneId) ?? 0) + 1);
    return m;
  }, [parts.cards]);

  const nodes = useMemo(() => {
    if (!stageDrag) return model.nodes;
    return model.nodes.map((n) =>
      stageDrag[n.id] ? ({ ...n, position: stageDrag[n.id]!, dragging: true } as JourneyNode) : n,
    );
  }, [model.nodes, stageDrag]);

  const onNodesChange = useCallback(
    (changes: NodeChange<JourneyNode>[]) => {
      let selection: Set<Id> | null = null;
      let positions: Record<Id, XYPosition> | null = null;
      for (const change of changes) {
        if (change.type === 'select') {
          selection ??= new Set(app.editor.getState().selectedCards);
          if (change.selected) selection.add(change.id);
          else selection.delete(change.id);
        } else if (change.type === 'position' && change.position && change.dragging) {
          // Only stage headers are dragged by React Flow (cards: `useCardDrag`); they move sideways.
          positions ??= {};
          positions[change.id] = { x: change.position.x, y: 0 };
        }
      }
      if (selection) {
        const next = [...selection];
        const current = app.editor.getState().selectedCards;
        if (next.length !== current.length || next.some((id, i) => id !== current[i])) selectCards(app.editor, next);
      }
      if (positions) {
        const moved = positions;
        setStageDrag((prev) => ({ ...prev, ...moved }));
      }
    },
    [app.editor],
  );

  const onNodeDragStop = useCallback(
    (_e: unknown, node: Node) => {
      setStageDrag(null);
      fitMode.onDragEnd();
      if (!node.id.startsWith('stage:')) return;
      const stageId = node.id.slice('stage:'.length);
      const centre = node.position.x + GRID.columnWidth / 2;
      const others = model.layout.columns.filter((c) => c.stageId !== stageId);
      const index = others.filter((c) => c.x + c.width / 2 < centre).length;
      const current = parts.stages.findIndex((s) => s.id === stageId);
      if (index !== current) run(app, moveStage(stageId, index));
    },
    [app, model.layout, parts.stages, fitMode],
  );

  // A drag reads the map as it is when the drag starts; cards need no new callback on each edit.
  const dragSource: DragSource = { layout: model.layout, cards: parts.cards, laneKind: (id) => laneKinds.get(id) };
  const latestDragSource = useRef(dragSource);
  latestDragSource.current = dragSource;
  const readDragSource = useCallback(() => latestDragSource.current, []);
  const ghostLayer = useRef<HTMLDivElement>(null);
  const beginCardDrag = useCardDrag(readDragSource, ghostLayer, {
    onStart: fitMode.onDragStart,
    onEnd: fitMode.onDragEnd,
  });

  const onConnect = useCallback(
    (c: Connection) => {
      if (c.source && c.target) run(app, addConnection({ id: randomId(), from: c.source, to: c.target }));
    },
    [app],
  );

  const ideaDrop = useIdeaDrop(model.layout, parts.cards, onDropIdea);
  useScrollToPan(container);

  const onEdgeClick = useCallback((_e: unknown, edge: Edge) => selectConnection(app.editor, edge.id), [app.editor]);

  // A card reached from the keyboard comes into view; a press with the pointer focuses a card too,
  // and that one is where the pointer is (panning would pull it from under a starting drag).
  const onFocus = useCallback(
    (e: FocusEvent) => {
      const target = e.target as HTMLElement;
      if (!target.classList.contains('card') || !target.matches(':focus-visible')) return;
      const id = target.closest<HTMLElement>('.react-flow__node')?.dataset.id;
      if (id) revealCard(id);
    },
    [revealCard],
  );

  return (
    // On a phone, cards are moved from Card details: a finger on the map pans and pinches it.
    <CardDragContext.Provider value={compact ? noDrag : beginCardDrag}>
      <ReactFlow
        colorMode={theme}
        nodes={nodes}
        edges={model.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStart={fitMode.onDragStart}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onEdgeClick={onEdgeClick}
        onFocus={onFocus}
        onPaneClick={() => clearSelection(app.editor)}
        {...ideaDrop}
        onMoveStart={fitMode.onMoveStart}
        onMoveEnd={onMoveEnd}
        nodesDraggable={!viewOnly}
        nodesConnectable={!viewOnly}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECTION_KEYS}
        deleteKeyCode={null}
        disableKeyboardA11y
        zoomOnDoubleClick={false}
        // The wheel pans (as two fingers do); Ctrl or ⌘ with it, and a pinch, zoom.
        panOnScroll={!wheelZooms}
        zoomOnScroll={wheelZooms}
        defaultViewport={initialViewport}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        ariaLabelConfig={ariaLabels}
        noPanClassName={compact ? PAN_ANYWHERE : 'nopan'}
      >
        <Background gap={24} color="#e6e9ef" />
        <StageRail stages={parts.stages} layout={model.layout} present={presenting ?? followed.present} />
        <LaneRail
          lanes={parts.lanes}
          layout={model.layout}
          titles={titles}
          cardCounts={laneCardCounts}
          compact={compact}
        />
        <ViewportPortal>
          {/* A follower sees the veil its leader presents with. */}
          <PresentVeil layout={model.layout} stageId={presenting ?? followed.present} />
          <DropIndicator />
          <div className="drag-layer" ref={ghostLayer} />
        </ViewportPortal>
        <Controls showInteractive={false} showFitView={false} position={compact ? 'bottom-right' : 'bottom-left'}>
          {/* Our own Fit View: it leaves workshop mode's full-size frame and keeps a tall map's top in view. */}
          <ControlButton
            className="react-flow__controls-fitview"
            onClick={fitMode.fitWholeMap}
            title={t('flow.fitView')}
            aria-label={t('flow.fitView')}
          >
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 30" aria-hidden="true">
              <path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" />
            </svg>
          </ControlButton>
        </Controls>
        {/* In a workshop or on a tablet the overview would sit on the cards being read; a finger pans. */}
        {showMinimap && !compact && !workshop && !tablet && (
          <MiniMap pannable zoomable nodeColor={minimapColor} ariaLabel={t('editor.minimap')} style={MINIMAP} />
        )}
      </ReactFlow>
    </CardDragContext.Provider>
  );
}

/** The journey as a stages × lanes grid on a pannable, zoomable React Flow canvas. */
export function JourneyCanvas({
  parts,
  workshop = false,
  compact = false,
  onDropIdea,
}: {
  parts: JourneyParts;
  workshop?: boolean;
  compact?: boolean;
  /** Where an idea dragged from the parking lot lands. */
  onDropIdea?: DropIdea;
}) {
  const { t } = useTranslation();
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
          {size && (
            <CanvasInner
              parts={parts}
              size={size}
              workshop={workshop}
              compact={compact}
              onDropIdea={onDropIdea}
              container={inner}
            />
          )}
        </ReactFlowProvider>
      </div>
    </div>
  );
}
