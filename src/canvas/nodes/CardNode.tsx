import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useWorkspace } from '../../app/app-context';
import type { CardNode as CardNodeType } from '../flow-model';
import { CardView } from './CardView';
import { VoteStrip } from './VoteStrip';

export { DETAIL_ZOOM } from './CardView';

/**
 * A card's node reads its record from the workspace itself: the node React Flow holds stays the
 * same object while only the card's words change, so typing in a card updates that card alone
 * (handing React Flow a changed node made it check all of a thousand nodes per keystroke).
 */
export const CardNode = memo(function CardNode({ data, selected }: NodeProps<CardNodeType>) {
  const card = useWorkspace((s) => s.doc.cards[data.cardId]);
  if (!card) return null;
  return (
    <>
      <CardView card={card} selected={selected} {...data} />
      <VoteStrip card={card} kind={data.kind} />
    </>
  );
});
