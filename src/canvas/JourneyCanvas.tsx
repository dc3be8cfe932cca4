import { Background, Controls, MiniMap, ReactFlow, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneyParts } from '../domain/queries';
import type { LaneKind } from '../domain/types';
import { toFlow, type JourneyNode } from './flow-model';
import { nodeTypes } from './node-types';
import { LANE_COLORS } from './visuals';

function minimapColor(node: Node): string {
  if (node.type === 'card') return LANE_COLORS[(node as JourneyNode & { data: { kind: LaneKind } }).data.kind];
  return 'transparent';
}

/** The journey as a stages × lanes grid on a pannable, zoomable React Flow canvas. */
export function JourneyCanvas({ parts }: { parts: JourneyParts }) {
  const { t } = useTranslation();
  const laneTitle = useCallback((kind: LaneKind, title: string | undefined) => title?.trim() || t(`lane.${kind}`), [t]);
  const { nodes, edges } = useMemo(
    () => toFlow(parts, laneTitle, parts.persona?.color ?? '#c9752b'),
    [parts, laneTitle],
  );
  return (
    <div className="canvas" aria-label={t('editor.canvas')} role="region">
      {/* React Flow sizes itself to 100% of its parent: an absolutely placed box gives it a definite size. */}
      <div className="canvas__inner">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        fitView
        fitViewOptions={{ padding: 0.05 }}
        minZoom={0.05}
        maxZoom={2.5}
        onlyRenderVisibleElements
      >
        <Background gap={24} color="#e6e9ef" />
        <Controls showInteractive={false} fitViewOptions={{ padding: 0.05 }} />
        <MiniMap pannable zoomable nodeColor={minimapColor} ariaLabel={t('editor.minimap')} />
      </ReactFlow>
      </div>
    </div>
  );
}
