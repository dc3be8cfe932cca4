import type { Command } from '../domain/command';
import type { JourneyLayout } from '../domain/layout';
import type { CardRec, Id, LaneKind } from '../domain/types';
import { AUTO_PAN, autoPanStep } from './auto-pan';
import { dropCommand, dropTarget, type DropTarget } from './drop-target';

/** What a drag needs of the map at the moment it starts (read once, not on every render). */
export interface DragSource {
  layout: JourneyLayout;
  cards: readonly CardRec[];
  laneKind: (laneId: Id) => LaneKind | undefined;
}

/**
 * What a drag session asks of the world, so that it knows nothing of React or React Flow (as
 * xyflow's XYDrag): the viewport, the selection, where to show the drop and how to run it.
 */
export interface DragEnv {
  read: () => DragSource;
  /** Where the copies of the dragged cards follow the pointer. */
  layer: HTMLElement;
  /** The viewport's translation and zoom. */
  transform: () => readonly [number, number, number];
  panBy: (step: { x: number; y: number }) => void;
  selected: () => readonly Id[];
  select: (ids: Id[]) => void;
  showTarget: (target: DropTarget | null) => void;
  drop: (command: Command) => void;
  onStart: () => void;
  onEnd: () => void;
}

/** The parts of a pointerdown a drag reads. */
export interface PointerDown {
  button: number;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isPrimary: boolean;
  pointerId: number;
  clientX: number;
  clientY: number;
  target: EventTarget;
  currentTarget: HTMLElement;
}

/** A press must travel this far (px) to become a drag; less is a click. */
const THRESHOLD = 3;

const sameTarget = (a: DropTarget | null, b: DropTarget | null) =>
  a === b ||
  (!!a && !!b && a.stageId === b.stageId && a.laneId === b.laneId && a.index === b.index && a.score === b.score);

interface Lifted {
  card: HTMLElement;
  ghost: HTMLElement;
  x: number;
  y: number;
}

/**
 * Watches a press on a card and, once it travels, drags the card (and the other selected ones):
 * copies follow the pointer in a layer of their own, the originals stay dimmed in place, the map
 * scrolls near its edges, Escape puts everything back, and the drop runs one command.
 */
export function startCardDrag(down: PointerDown, cardId: Id, env: DragEnv): void {
  if (down.button !== 0 || down.shiftKey || down.ctrlKey || down.metaKey || down.altKey || !down.isPrimary) return;
  if ((down.target as Element).closest('.react-flow__handle, textarea, input, [contenteditable="true"]')) return;
  const canvas = down.currentTarget.closest<HTMLElement>('.react-flow');
  if (!canvas) return;
  const pointerId = down.pointerId;
  const grabbed = down.currentTarget;
  const start = { x: down.clientX, y: down.clientY };
  let pointer = start;
  let session: ReturnType<typeof begin> = null;
  let frame = 0;

  const toFlow = (p: { x: number; y: number }, rect: DOMRect) => {
    const [tx, ty, zoom] = env.transform();
    return { x: (p.x - rect.left - tx) / zoom, y: (p.y - rect.top - ty) / zoom };
  };

  function begin() {
    const source = env.read();
    const selected = env.selected();
    const ids = (selected.includes(cardId) ? selected : [cardId]).filter((id) => source.layout.cards[id]);
    const primary = source.layout.cards[cardId];
    if (!primary) return null;
    // Told first: selecting opens Card details, and the map must not be framed anew under the pointer.
    env.onStart();
    if (!selected.includes(cardId)) env.select([cardId]);
    const lifted: Lifted[] = [];
    for (const id of ids) {
      const card = canvas!.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"] .card`);
      const box = source.layout.cards[id]!;
      if (!card) continue;
      const ghost = document.createElement('div');
      ghost.className = 'card-ghost';
      ghost.setAttribute('aria-hidden', 'true');
      ghost.style.width = `${box.width}px`;
      ghost.style.height = `${box.height}px`;
      const copy = card.cloneNode(true) as HTMLElement;
      for (const attr of ['role', 'tabindex', 'aria-label', 'aria-pressed', 'aria-describedby', 'title', 'id'])
        copy.removeAttribute(attr);
      copy
        .querySelectorAll('.react-flow__handle, [id]')
        .forEach((el) => (el.classList.contains('react-flow__handle') ? el.remove() : el.removeAttribute('id')));
      copy.classList.add('card--selected');
      ghost.append(copy);
      env.layer.append(ghost);
      card.style.opacity = '0.35';
      lifted.push({ card, ghost, x: box.x, y: box.y });
    }
    canvas!.classList.add('canvas--dragging-card');
    // Captured, the pointer hovers nothing else on its way: no card under it restyles (and with
    // it repaints the map) on every move.
    try {
      grabbed.setPointerCapture(pointerId);
    } catch {
      // The pointer is already gone; the next event ends the drag.
    }
    const rect = canvas!.getBoundingClientRect();
    return {
      source,
      ids: new Set(ids),
      primary,
      lifted,
      rect,
      grab: toFlow(start, rect),
      target: null as DropTarget | null,
    };
  }

  const update = () => {
    if (!session) return;
    const at = toFlow(pointer, session.rect);
    const dx = at.x - session.grab.x;
    const dy = at.y - session.grab.y;
    for (const l of session.lifted) l.ghost.style.transform = `translate(${l.x + dx}px, ${l.y + dy}px)`;
    const { layout, cards, laneKind } = session.source;
    const p = session.primary;
    const target = dropTarget(layout, cards, laneKind, session.ids, p.x + dx + p.width / 2, p.y + dy + p.height / 2);
    if (!sameTarget(target, session.target)) {
      session.target = target;
      env.showTarget(target);
    }
  };

  // Near an edge, the map scrolls under the pointer, frame by frame, once the pointer has
  // stayed there a moment (a quick drop near the edge lands where it was aimed).
  let edgeSince: number | null = null;
  const autoPan = (now: number) => {
    frame = 0;
    if (!session) return;
    // Measured afresh: Card details, opening as the drag selects a card, narrows the canvas.
    const rect = canvas.getBoundingClientRect();
    const [tx, ty, zoom] = env.transform();
    const { layout } = session.source;
    const map = {
      left: rect.left + tx,
      top: rect.top + ty,
      right: rect.left + tx + layout.width * zoom,
      bottom: rect.top + ty + layout.height * zoom,
    };
    const step = autoPanStep(pointer, rect, map);
    if (!step.x && !step.y) {
      edgeSince = null;
      return;
    }
    edgeSince ??= now;
    if (now - edgeSince >= AUTO_PAN.dwellMs) {
      env.panBy(step);
      update();
    }
    frame = requestAnimationFrame(autoPan);
  };

  const restore = (s: NonNullable<typeof session>) => {
    for (const l of s.lifted) {
      l.ghost.remove();
      l.card.style.opacity = '';
    }
    canvas.classList.remove('canvas--dragging-card');
  };

  const stop = () => {
    window.removeEventListener('pointermove', onMove, true);
    window.removeEventListener('pointerup', onUp, true);
    window.removeEventListener('pointercancel', onCancel, true);
    window.removeEventListener('keydown', onKey, true);
    window.removeEventListener('blur', onCancel);
    cancelAnimationFrame(frame);
    env.showTarget(null);
    if (session) env.onEnd();
  };

  function onMove(e: PointerEvent) {
    if (e.pointerId !== pointerId) return;
    pointer = { x: e.clientX, y: e.clientY };
    if (!session) {
      if (Math.hypot(pointer.x - start.x, pointer.y - start.y) < THRESHOLD) return;
      session = begin();
      if (!session) return stop();
    }
    e.preventDefault();
    update();
    if (!frame) frame = requestAnimationFrame(autoPan);
  }

  function onUp(e: PointerEvent) {
    if (e.pointerId !== pointerId) return;
    const s = session;
    stop();
    if (!s) return;
    // The click that ends a drag is not a click on whatever lies under the pointer.
    window.addEventListener('click', swallow, true);
    setTimeout(() => window.removeEventListener('click', swallow, true), 0);
    const command = s.target ? dropCommand(s.source.cards, s.ids, cardId, s.target) : null;
    if (command) env.drop(command);
    // The copies go once the moved cards are drawn in their new places, so nothing jumps back.
    if (command) requestAnimationFrame(() => restore(s));
    else restore(s);
  }

  function swallow(c: MouseEvent) {
    c.stopPropagation();
    window.removeEventListener('click', swallow, true);
  }

  function onCancel() {
    const s = session;
    stop();
    if (s) restore(s);
  }

  // Escape puts the cards back where they were.
  function onKey(e: KeyboardEvent) {
    if (e.key !== 'Escape' || !session) return;
    e.preventDefault();
    e.stopPropagation();
    onCancel();
  }

  window.addEventListener('pointermove', onMove, true);
  window.addEventListener('pointerup', onUp, true);
  window.addEventListener('pointercancel', onCancel, true);
  window.addEventListener('keydown', onKey, true);
  window.addEventListener('blur', onCancel);
}
