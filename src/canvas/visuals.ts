import type { Channel, ConnectionKind, LaneKind } from '../domain/types';

export const CHANNEL_ICONS: Record<Channel, string> = {
  web: '🌐',
  mobileApp: '📱',
  email: '✉️',
  phone: '📞',
  chat: '💬',
  chatbot: '🤖',
  sms: '📩',
  messaging: '🗨️',
  social: '👥',
  store: '🏬',
  video: '🎥',
  community: '🧑‍🤝‍🧑',
  selfService: '📚',
  form: '📝',
  mail: '📮',
  other: '🔹',
};

export const SCORE_FACES: Record<string, string> = { '-2': '😣', '-1': '🙁', '0': '😐', '1': '🙂', '2': '😄' };

/** Lane accents: a strip of colour per kind, so kinds are told apart at projector distance. */
export const LANE_COLORS: Record<LaneKind, string> = {
  actions: '#3d6fb6',
  touchpoints: '#1b8a8f',
  goals: '#5a8f29',
  thoughts: '#7b5ea7',
  emotions: '#c9752b',
  painPoints: '#c0392b',
  opportunities: '#2a9d5c',
  metrics: '#34495e',
  backstage: '#6d6d6d',
  notes: '#a48b2d',
};

/** How each kind of connection is drawn, on the map and in every picture. */
export const EDGE_STYLES: Record<ConnectionKind, { stroke: string; dash?: string }> = {
  flow: { stroke: '#2b3a55' },
  alternative: { stroke: '#6c5ce7', dash: '2 6' },
  dropoff: { stroke: '#c0392b', dash: '8 6' },
};

/** The font pictures are drawn and measured with: the map's, with CJK and emoji faces named. */
export const PICTURE_FONT =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', 'Noto Color Emoji', sans-serif";
