import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { ConnectionEdge } from './edges/ConnectionEdge';
import { CardNode } from './nodes/CardNode';
import { EmotionCurveNode, GridBackgroundNode } from './nodes/GridNodes';
import { StageHeaderNode } from './nodes/StageHeaderNode';

/** Defined once, outside render: a new object per render would remount every node. */
export const nodeTypes: NodeTypes = {
  card: CardNode,
  stage: StageHeaderNode,
  grid: GridBackgroundNode,
  curve: EmotionCurveNode,
};

export const edgeTypes: EdgeTypes = {
  connection: ConnectionEdge,
};
