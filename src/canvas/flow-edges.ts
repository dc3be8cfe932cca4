import { MarkerType, type Edge } from '@xyflow/react';
import { placeLabels, routeConnection, type Point, type Route } from '../domain/connection-route';
import type { Box, JourneyLayout } from '../domain/layout';
import type { JourneyParts } from '../domain/queries';
import { approximateMeasure } from '../domain/text-measure';
import type { ConnectionRec, Id } from '../domain/types';
import type { FlowInput } from './flow-model';
import type { NodeCache } from './node-cache';
import { EDGE_STYLES } from './visuals';

/** A link to a later stage leaves a card's right edge; any other its bottom. */
export const isForward = (from: Box, to: Box) => to.x > from.x + from.width / 2;

export interface Routing {
  layout: JourneyLayout | null;
  connections: readonly ConnectionRec[];
  routes: Map<Id, Route>;
  labelAt: Map<Id, Point>;
}

/**
 * The same routes and label places as the exports (connection-route.ts), so the map and its
 * pictures always agree; worked out again only when the layout or a connection changed.
 */
export function routeAll(parts: JourneyParts, layout: JourneyLayout): Routing {
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
  return { layout, connections: parts.connections, routes, labelAt };
}

/** One edge per connection whose two cards are shown. */
export function connectionEdges(
  input: FlowInput,
  layout: JourneyLayout,
  routing: Routing,
  cache: NodeCache<Edge>,
): Edge[] {
  const { parts, selectedConnection, detailed } = input;
  const edges: Edge[] = [];
  for (const x of parts.connections) {
    const from = layout.cards[x.from];
    const to = layout.cards[x.to];
    const route = routing.routes.get(x.id);
    if (!from || !to || !route) continue; // an end is in a collapsed lane
    const style = EDGE_STYLES[x.kind ?? 'flow'];
    const forward = isForward(from, to);
    const at = routing.labelAt.get(x.id);
    const selectedEdge = selectedConnection === x.id;
    edges.push(
      cache.get(x.id, [x, route.d, at?.x, at?.y, forward, selectedEdge, detailed], () => ({
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
  return edges;
}
