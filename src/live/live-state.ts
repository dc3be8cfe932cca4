import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Id } from '../domain/types';
import type { ParticipantView } from './roll-call';
import type { FieldHold } from './field-lock';
import type { OfflineLoss } from './offline-losses';

/**
 * What a leader shows the room: which stages (and, during Present, the one presented), and the
 * lane at the top when they have scrolled down. Not a rectangle of pixels: each follower frames
 * the same stages to its own screen, so a phone reads what a projector shows at a size it can read.
 */
export interface MapView {
  /** The stages the leader sees, left to right. */
  stages: Id[];
  /** The stage presented, during Present (the others are veiled). */
  present: Id | null;
  /** The first lane in the leader's view, when the map is scrolled down; null at the top. */
  lane: Id | null;
}

export type LiveStatus = 'connecting' | 'connected' | 'offline';

/** What the editor shows of a journey that is live in this tab. */
export interface LiveJourney {
  /** The facilitator, a co-facilitator (runs the room too), or a participant. */
  role: 'host' | 'cohost' | 'guest';
  /** What the link allows, once the server has said. */
  access: 'edit' | 'view' | null;
  status: LiveStatus;
  participants: ParticipantView[];
  /** Who holds which text field (a soft lock: the others see it read-only), this participant too. */
  editing: FieldHold[];
  /** This participant asks the others to follow their view (a facilitator). */
  leading: boolean;
  /** Whom the others are asked to follow, and what they see; null when no one leads. */
  leader: { name: string; view: MapView | null } | null;
  /** This participant has stopped following the leader. */
  followOff: boolean;
  /** Changes made here that the server has not confirmed yet. */
  waiting: number;
  /** Text written here offline that the merge did not keep, told until dismissed (none when absent). */
  offlineLosses?: OfflineLoss[];
  /** The host's links to hand out. */
  editLink?: string;
  viewLink?: string;
}

export interface LiveState {
  journeys: Record<Id, LiveJourney>;
}

/** The small always-loaded part of live sessions; the sessions themselves load when first used. */
export const createLiveState = (): StoreApi<LiveState> => createStore<LiveState>(() => ({ journeys: {} }));
export type LiveStateStore = StoreApi<LiveState>;

/** A room's link: its secret rides in the fragment, which browsers never send to a server. */
export function liveLink(origin: string, roomId: string, secret: string): string {
  return `${origin}/#/live/${encodeURIComponent(roomId)}/${encodeURIComponent(secret)}`;
}

/** The colour a participant is drawn in, chosen from their name so it stays the same. */
export const COLORS = ['#2e86ab', '#e4572e', '#76b041', '#8e44ad', '#f39c12', '#16a085', '#c0392b', '#34495e'];
export function colorFor(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return COLORS[h % COLORS.length]!;
}

/**
 * Two people in one colour cannot be told apart on the map: of two who share one, the later
 * connection (the larger id) takes the first colour no one has. Everyone decides the same way
 * from the same list, so no one else changes. With more people than colours, it keeps its own.
 */
export function distinctColor(
  me: { clientId: number; color: string },
  others: readonly { clientId: number; color: string }[],
): string {
  const clash = others.some((o) => o.color === me.color && o.clientId < me.clientId);
  if (!clash) return me.color;
  const taken = new Set(others.map((o) => o.color));
  return COLORS.find((c) => !taken.has(c)) ?? me.color;
}

/** This participant stops following the leader's view, or follows it again. */
export function setFollowing(live: LiveStateStore, journeyId: Id, on: boolean): void {
  const current = live.getState().journeys[journeyId];
  if (!current || current.followOff === !on) return;
  live.setState((s) => ({ journeys: { ...s.journeys, [journeyId]: { ...current, followOff: !on } } }));
}

/** Offline changes the merge did not keep, added to those still told. */
export function addOfflineLosses(live: LiveStateStore, journeyId: Id, losses: readonly OfflineLoss[]): void {
  const current = live.getState().journeys[journeyId];
  if (!current || losses.length === 0) return;
  const fresh = (l: OfflineLoss) => !losses.some((n) => n.cardId === l.cardId && n.field === l.field);
  const offlineLosses = [...(current.offlineLosses ?? []).filter(fresh), ...losses];
  live.setState((s) => ({ journeys: { ...s.journeys, [journeyId]: { ...current, offlineLosses } } }));
}

/** The person has read (and perhaps copied) a lost offline change. */
export function dismissOfflineLoss(live: LiveStateStore, journeyId: Id, loss: OfflineLoss): void {
  const current = live.getState().journeys[journeyId];
  if (!current) return;
  const offlineLosses = (current.offlineLosses ?? []).filter((l) => l !== loss);
  live.setState((s) => ({ journeys: { ...s.journeys, [journeyId]: { ...current, offlineLosses } } }));
}
