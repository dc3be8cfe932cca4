import type { NodeTypes } from '@xyflow/react';
import { CardNode } from './nodes/CardNode';
import { EmotionCurveNode, GridBackgroundNode, LaneHeaderNode, StageHeaderNode } from './nodes/GridNodes';

/** Defined once, outside render: a new object per render would remount every node. */
export const nodeTypes: NodeTypes = {
  card: CardNode,
  stage: StageHeaderNode,
  lane: LaneHeaderNode,
  grid: GridBackgroundNode,
  curve: EmotionCurveNode,
};
