import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { selectConnection } from '../editor-state';

/**
 * A connection: React Flow's curve, with its label drawn as HTML above the cards. Between two
 * neighbouring cards the label's middle lies in the narrow gap between them, and an SVG label,
 * drawn under the nodes, was mostly hidden by them.
 */
export const ConnectionEdge = memo(function ConnectionEdge({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, label, style, markerEnd, interactionWidth }: EdgeProps) {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  return (
    <>
      <BaseEdge id={id} path={path} style={style} markerEnd={markerEnd} interactionWidth={interactionWidth} />
      {typeof label === 'string' && label.trim() !== '' && (
        <EdgeLabelRenderer>
          <div
            className="connection-label nodrag nopan"
            dir="auto"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, borderColor: style?.stroke }}
            title={label}
            onClick={() => selectConnection(id)}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
