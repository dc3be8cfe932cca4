/**
 * The benchmark's baseline: plain React Flow rendering the same cards (default nodes, same
 * positions and sizes) and connections from memory, with nothing of the app around it.
 */
import { ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createRoot } from 'react-dom/client';
import { layoutJourney } from '../../../src/domain/layout';
import { generateJourneyFile } from '../generate.mjs';

const cards = Number(new URLSearchParams(location.search).get('cards') ?? 1000);
const connections = Number(new URLSearchParams(location.search).get('connections') ?? 300);
const journey = generateJourneyFile({ cards, connections }).journeys[0]!;
const order = (i: number) => String(i).padStart(6, '0');
const stages = journey.stages.map((s, i) => ({ ...s, journeyId: 'j', order: order(i) }));
const lanes = journey.lanes.map((l, i) => ({ ...l, journeyId: 'j', order: order(i) }));
const stageIndex = new Map(stages.map((s, i) => [s.id, i]));
const laneIndex = new Map(lanes.map((l, i) => [l.id, i]));
const cardRecs = journey.cards
  .map((c, i) => ({ ...c, journeyId: 'j', order: order(i) }))
  .sort(
    (a, b) =>
      stageIndex.get(a.stageId)! - stageIndex.get(b.stageId)! || laneIndex.get(a.laneId)! - laneIndex.get(b.laneId)!,
  );
const layout = layoutJourney(stages, lanes as never, cardRecs as never);
const nodes: Node[] = cardRecs.map((c) => {
  const b = layout.cards[c.id]!;
  return { id: c.id, position: { x: b.x, y: b.y }, width: b.width, height: b.height, data: { label: c.title } };
});
const edges: Edge[] = journey.connections.map((x) => ({ id: x.id, source: x.from, target: x.to }));

createRoot(document.getElementById('root')!).render(
  <ReactFlow nodes={nodes} edges={edges} fitView onlyRenderVisibleElements />,
);
