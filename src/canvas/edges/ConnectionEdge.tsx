import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { Point } from '../../domain/connection-route';
import { memo } from 'react';
import { selectConnection } from '../../features/editor/editor-state';
import { useApp } from '../../app/app-context';

/**
 * A connection: the route the exports draw too (flow-model.ts puts it in `data`), with its label
 * drawn as HTML above the cards, where `placeLabels` found it room. React Flow's own curve is the
 * fallback while a new connection has no route yet.
 */
export const ConnectionEdge = memo(function ConnectionEdge({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  label,
  style,
  markerEnd,
  interactionWidth,
  data,
}: EdgeProps) {
  const app = useApp();
  const routed = data as { path?: string; labelAt?: Point } | undefined;
  const [path, labelX, labelY] = routed?.path
    ? [routed.path, routed.labelAt?.x ?? 0, routed.labelAt?.y ?? 0]
    : getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  return (
    <>
      <BaseEdge id={id} path={path} style={style} markerEnd={markerEnd} interactionWidth={interactionWidth} />
      {typeof label === 'string' && label.trim() !== '' && (
        <EdgeLabelRenderer>
          <div
            className="connection-label nodrag nopan"
            dir="auto"
            style={{
              transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`,
              borderColor: style?.stroke,
            }}
            title={label}
            onClick={() => selectConnection(app.editor, id)}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
