/**
 * Generates a valid journey file of a given size, deterministic for a given seed, for
 * benchmarks and large-map tests. Titles mix several languages, as real workspaces do.
 */
const KINDS = [
  'actions',
  'touchpoints',
  'goals',
  'thoughts',
  'emotions',
  'painPoints',
  'opportunities',
  'metrics',
  'backstage',
  'notes',
];
const CHANNELS = ['web', 'mobileApp', 'email', 'phone', 'chat', 'sms', 'store', 'mail'];
const WORDS = [
  'Checks delivery status',
  'Compara precios',
  '注文を確認する',
  'Pārbauda rēķinu',
  'Menyemak pesanan',
  'Calls support',
  'Reads the FAQ',
  'Vergleicht Tarife',
];

export function generateJourneyFile({
  cards = 5000,
  connections = 0,
  stages = 10,
  seed = 1,
  title = `Generated journey (${cards} cards)`,
} = {}) {
  let x = seed >>> 0 || 1;
  const rand = () => (x = (x * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const stageList = Array.from({ length: stages }, (_, i) => ({ id: `s${i}`, name: `Stage ${i + 1}` }));
  const lanes = KINDS.map((kind) => ({ id: `l-${kind}`, kind }));
  const cardList = [];
  for (let i = 0; i < cards; i++) {
    const kind = KINDS[i % KINDS.length];
    const card = {
      id: `c${i}`,
      stageId: `s${Math.floor(rand() * stages)}`,
      laneId: `l-${kind}`,
      title: `${WORDS[i % WORDS.length]} #${i}`,
    };
    if (i % 7 === 0) card.notes = 'Observed in interviews; see the research folder for the transcript.';
    if (kind === 'touchpoints') card.channel = CHANNELS[i % CHANNELS.length];
    if (kind === 'emotions') card.score = Math.floor(rand() * 5) - 2;
    if (kind === 'painPoints') card.severity = ['low', 'medium', 'high'][i % 3];
    if (kind === 'opportunities')
      Object.assign(card, { impact: 1 + (i % 3), effort: 1 + ((i + 1) % 3), votes: i % 9, status: 'idea' });
    if (kind === 'metrics') Object.assign(card, { metric: 'CSAT', value: 3 + (i % 20) / 10, target: 4.5, unit: '/5' });
    cardList.push(card);
  }
  const links = [];
  for (let i = 0; i < connections && cards > 1; i++) {
    const from = Math.floor(rand() * cards);
    let to = Math.floor(rand() * cards);
    if (to === from) to = (to + 1) % cards;
    links.push({ id: `x${i}`, from: `c${from}`, to: `c${to}`, kind: ['flow', 'alternative', 'dropoff'][i % 3] });
  }
  return {
    format: 'journey-canvas',
    version: 1,
    exportedAt: new Date(0).toISOString(),
    personas: [{ id: 'p1', name: 'Bench Persona', color: '#2e86ab', avatar: { emoji: '🧪' } }],
    journeys: [{ id: 'j1', title, personaId: 'p1', stages: stageList, lanes, cards: cardList, connections: links }],
  };
}

/** A workspace file of many journeys (the 300 x 300 is 12 MB), each with its own ids. */
export function generateWorkspaceFile({ journeys = 300, cards = 300, seed = 1 } = {}) {
  const list = [];
  for (let j = 0; j < journeys; j++) {
    const one = generateJourneyFile({ cards, seed: seed + j, title: `Workspace journey ${j + 1}` }).journeys[0];
    const p = `w${j}-`;
    list.push({
      ...one,
      id: `${p}j`,
      stages: one.stages.map((s) => ({ ...s, id: p + s.id })),
      lanes: one.lanes.map((l) => ({ ...l, id: p + l.id })),
      cards: one.cards.map((c) => ({ ...c, id: p + c.id, stageId: p + c.stageId, laneId: p + c.laneId })),
    });
  }
  return { ...generateJourneyFile({ cards: 0 }), journeys: list };
}
