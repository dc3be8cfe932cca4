import { LANE_KINDS, type Channel } from '../types';

/** What a column of a row-per-step sheet becomes. */
export type ColumnTarget = (typeof LANE_KINDS)[number] | 'stage' | 'persona' | 'channel' | 'time' | 'owner' | 'ignore';
export const COLUMN_TARGETS: readonly ColumnTarget[] = [
  'stage',
  'persona',
  ...LANE_KINDS,
  'channel',
  'time',
  'owner',
  'ignore',
];

/** The languages the app ships; a team's sheet may be in any of them, whatever the interface says. */
export const SHEET_LANGUAGES = ['en', 'zh-Hans', 'zh-Hant', 'lv', 'ms'] as const;
export type SheetLanguage = (typeof SHEET_LANGUAGES)[number];

/** Words separated by commas (no word holds one). */
type WordList = string;

/**
 * Column headers and lane names teams write in journey tables, in each language (docs/glossary.md
 * lists them): what each stands for. The app's own names, from its catalogues, are added to these.
 */
export const HEADER_WORDS: Record<SheetLanguage, Partial<Record<Exclude<ColumnTarget, 'ignore'>, WordList>>> = {
  en: {
    stage: 'stage, stages, phase, phases, journey stage, journey phase',
    persona: 'persona, customer, who, user',
    actions:
      'action, actions, step, steps, doing, scene, activity, activities, task, tasks, customer action, customer actions, customer step, customer steps, what they do',
    touchpoints: 'touchpoint, touchpoints, touch point, touch points, interaction, interactions',
    channel: 'channel, channels, medium',
    goals: 'goal, goals, expectation, expectations, need, needs, customer goal, customer goals, customer need',
    thoughts:
      'thought, thoughts, thinking, quote, quotes, says, questions, customer thought, customer thoughts, customer says, customer quote, what they think',
    emotions:
      'emotion, emotions, feeling, feelings, mood, sentiment, emotional state, emotion score, score, customer emotion, customer feeling, customer feelings',
    painPoints:
      'pain point, pain points, painpoint, painpoints, pain, pains, frustration, frustrations, problem, problems, issues',
    opportunities: 'opportunity, opportunities, idea, ideas, improvement, improvements',
    metrics: 'metric, metrics, kpi, kpis, measure, measures',
    backstage: 'backstage, back stage, behind the scenes, internal, back office, support processes',
    notes: 'notes, note, comment, comments',
    time: 'time, duration, when, timing',
    owner: 'owner, owners, opportunity owner, responsible, assignee, accountable',
  },
  'zh-Hans': {
    stage: '阶段, 旅程阶段, 环节',
    persona: '用户画像, 角色, 用户, 客户',
    actions: '步骤, 行动, 用户行为, 行为, 用户行动, 动作, 场景, 任务',
    touchpoints: '触点, 接触点',
    channel: '渠道, 媒介',
    goals: '目标, 期望, 需求, 用户目标, 用户期望',
    thoughts: '想法, 用户想法, 心声, 用户心声, 用户原话',
    emotions: '情绪, 情感, 感受, 心情, 用户情绪, 情绪分数',
    painPoints: '痛点, 问题, 用户痛点',
    opportunities: '机会点, 机会, 改进建议, 改进点',
    metrics: '指标, 关键指标, 关键绩效指标',
    backstage: '后台, 后台流程, 内部流程, 支持流程',
    notes: '备注, 说明, 注释',
    time: '时间, 时长, 耗时',
    owner: '负责人, 责任人',
  },
  'zh-Hant': {
    stage: '階段, 旅程階段, 環節',
    persona: '使用者畫像, 角色, 使用者, 用戶, 客戶',
    actions: '步驟, 行動, 使用者行為, 行為, 動作, 場景, 任務',
    touchpoints: '接觸點, 觸點',
    channel: '管道, 渠道, 通路',
    goals: '目標, 期望, 需求, 使用者目標',
    thoughts: '想法, 使用者想法, 用戶想法, 心聲',
    emotions: '情緒, 情感, 感受, 心情, 使用者情緒',
    painPoints: '痛點, 問題, 使用者痛點',
    opportunities: '機會點, 機會, 改善建議, 改進建議',
    metrics: '指標, 關鍵指標, 關鍵績效指標',
    backstage: '後臺, 後台, 後台流程, 內部流程',
    notes: '備註, 說明, 註解',
    time: '時間, 時長, 耗時',
    owner: '負責人, 責任人',
  },
  lv: {
    stage: 'posms, posmi, fāze, fāzes, ceļa posms',
    persona: 'klienta persona, persona, klients, lietotājs',
    actions: 'darbība, darbības, solis, soļi, klienta darbības, uzdevums, uzdevumi',
    touchpoints: 'saskarsmes punkts, saskarsmes punkti, saskarsme',
    channel: 'kanāls, kanāli',
    goals: 'mērķis, mērķi, gaidas, vajadzības',
    thoughts: 'doma, domas, klienta domas',
    emotions: 'emocija, emocijas, sajūtas, noskaņojums',
    painPoints: 'sāpju punkts, sāpju punkti, problēma, problēmas',
    opportunities: 'iespēja, iespējas, uzlabojumi, idejas',
    metrics: 'rādītājs, rādītāji, galvenais rādītājs, galvenie rādītāji',
    backstage: 'aizkulises, iekšējie procesi',
    notes: 'piezīme, piezīmes, komentāri',
    time: 'laiks, ilgums',
    owner: 'atbildīgais, atbildīgā, atbildīgā persona',
  },
  ms: {
    stage: 'peringkat, tahap, fasa',
    persona: 'persona pelanggan, pelanggan, pengguna',
    actions: 'tindakan, langkah, aktiviti, tindakan pelanggan',
    touchpoints: 'titik sentuh, titik sentuhan',
    channel: 'saluran',
    goals: 'matlamat, jangkaan, keperluan',
    thoughts: 'fikiran, fikiran pelanggan, kata pelanggan',
    emotions: 'emosi, perasaan, emosi pelanggan',
    painPoints: 'titik kesakitan, masalah, kesukaran',
    opportunities: 'peluang, penambahbaikan',
    metrics: 'metrik, petunjuk prestasi, petunjuk prestasi utama',
    backstage: 'di belakang tabir, proses dalaman',
    notes: 'nota, catatan, ulasan',
    time: 'masa, tempoh',
    owner: 'pemilik, pegawai bertanggungjawab, bertanggungjawab',
  },
};

/** Names of channels and of the products people reach a business through, in each language. */
export const CHANNEL_WORDS: Record<SheetLanguage, Partial<Record<Channel, WordList>>> = {
  en: {
    web: 'web, website, web site, online, webpage',
    mobileApp: 'app, mobile, mobile app, apps',
    email: 'email, e-mail',
    phone: 'phone, call, phone call, call centre, call center, contact centre, contact center, hotline, telephone',
    chat: 'chat, live chat, web chat',
    chatbot: 'chatbot, bot, virtual assistant',
    sms: 'sms, text, text message',
    messaging: 'messaging, whatsapp, wechat, telegram, messenger, line, viber, imessage, signal',
    social: 'social, social media, facebook, instagram, twitter, x, linkedin, tiktok, youtube',
    store: 'store, shop, branch, in store, in-store, in person, counter',
    video: 'video, video call, zoom, teams',
    community: 'community, forum, forums',
    selfService: 'self-service, self service, faq, help centre, help center, knowledge base',
    form: 'form, web form',
    mail: 'mail, letter, post, postal mail',
    other: 'other',
  },
  'zh-Hans': {
    web: '网站, 官网, 网页, 线上',
    mobileApp: '应用, 手机应用, 移动应用, 小程序',
    email: '邮件, 电子邮件, 邮箱',
    phone: '电话, 客服电话, 热线, 呼叫中心',
    chat: '在线客服, 聊天, 在线聊天',
    chatbot: '机器人, 智能客服, 聊天机器人',
    sms: '短信',
    messaging: '微信, 企业微信, 即时通讯',
    social: '社交媒体, 微博, 小红书, 抖音',
    store: '门店, 线下门店, 实体店, 柜台, 网点',
    video: '视频, 视频通话',
    community: '社区, 论坛',
    selfService: '帮助中心, 常见问题, 自助服务',
    form: '表单',
    mail: '信件, 邮寄, 纸质信件',
    other: '其他',
  },
  'zh-Hant': {
    web: '網站, 官網, 網頁, 線上',
    mobileApp: '應用程式, 手機應用程式, 行動應用程式, 小程式',
    email: '電子郵件, 郵件, 電郵',
    phone: '電話, 客服電話, 熱線, 客服中心',
    chat: '線上客服, 聊天, 線上聊天',
    chatbot: '聊天機器人, 機器人, 智慧客服',
    sms: '簡訊, 短訊',
    messaging: '微信, 即時通訊',
    social: '社群媒體, 社交媒體, 臉書',
    store: '門市, 實體店, 櫃檯, 分行',
    video: '視訊, 視訊通話',
    community: '社群, 論壇',
    selfService: '說明中心, 常見問題, 自助服務',
    form: '表單',
    mail: '信件, 郵寄',
    other: '其他',
  },
  lv: {
    web: 'tīmekļa vietne, vietne, mājaslapa, tīmeklis, internets',
    mobileApp: 'lietotne, mobilā lietotne',
    email: 'e-pasts, epasts',
    phone: 'tālrunis, telefons, zvans, klientu centrs',
    chat: 'tērzēšana, čats',
    chatbot: 'tērzēšanas robots, čatbots, robots',
    sms: 'īsziņa, īsziņas',
    messaging: 'ziņapmaiņa, ziņapmaiņas lietotne',
    social: 'sociālie tīkli, sociālie mediji',
    store: 'veikals, filiāle, klātienē',
    video: 'videozvans',
    community: 'kopiena, forums',
    selfService: 'palīdzības centrs, buj, pašapkalpošanās',
    form: 'veidlapa, forma',
    mail: 'vēstule, pasts',
    other: 'cits, cits kanāls',
  },
  ms: {
    web: 'laman web, tapak web, laman sesawang',
    mobileApp: 'aplikasi, aplikasi mudah alih, apl',
    email: 'e-mel, emel',
    phone: 'telefon, panggilan, pusat panggilan, talian',
    chat: 'sembang, sembang langsung',
    chatbot: 'bot sembang',
    sms: 'pesanan ringkas',
    messaging: 'pesanan segera, aplikasi pesanan',
    social: 'media sosial',
    store: 'kedai, cawangan, kaunter, bersemuka',
    video: 'panggilan video',
    community: 'komuniti',
    selfService: 'pusat bantuan, soalan lazim, layan diri',
    form: 'borang',
    mail: 'surat, pos',
    other: 'lain-lain',
  },
};

export const wordsOf = (list: WordList | undefined): string[] =>
  (list ?? '')
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '');

/** Text as words are compared: case, width of spaces and Unicode form do not count. */
export const normWord = (s: string): string => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

const SCALE_NOTE = /\s*[(（[]([^()（）[\]]*)[)）\]]\s*$/;

/**
 * A header as a key: "Emotion (1-5)" and "情绪（1–5）" are "emotion" and "情绪", a colon at the
 * end is dropped; what the brackets say is read by `headerScale`.
 */
export const headerKey = (header: string): string =>
  normWord(header)
    .replace(SCALE_NOTE, '')
    .replace(/\s*[:：]$/, '');

/** The score scale a header names ("Emotion (1-5)", "Score 1–5", "情绪（-2~+2）"), if it names one. */
export function headerScale(header: string): 'oneToFive' | 'plusMinusTwo' | null {
  const h = normWord(header).replace(/[−–—~～]/g, '-');
  if (/(^|[^\d+-])1\s*(-|to|到|至|līdz|hingga)\s*5(\D|$)/.test(h)) return 'oneToFive';
  if (/-2\s*(-|to|\.\.\.?|…|到|至|līdz|hingga)\s*\+?2(\D|$)/.test(h)) return 'plusMinusTwo';
  return null;
}

function table<T extends string>(lists: Record<SheetLanguage, Partial<Record<T, WordList>>>): Map<string, T> {
  const out = new Map<string, T>();
  for (const lang of SHEET_LANGUAGES)
    for (const [target, list] of Object.entries(lists[lang]) as [T, WordList][])
      for (const w of wordsOf(list)) out.set(normWord(w), target);
  return out;
}

const HEADERS = table(HEADER_WORDS);
const CHANNELS = table(CHANNEL_WORDS);

/** What a header names in any of the app's languages, or null. */
export const headerWord = (header: string): ColumnTarget | null =>
  HEADERS.get(normWord(header)) ?? HEADERS.get(headerKey(header)) ?? null;

/** The channel a word names in any of the app's languages, or null. */
export const channelWord = (word: string): Channel | null => CHANNELS.get(normWord(word)) ?? null;
