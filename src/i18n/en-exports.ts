import { i18n } from './index';

/**
 * Messages of slides and spreadsheet import, loaded with the dialogs that use them rather than
 * with the first page.
 */
export const enExports = {
  slides: {
    title: 'Slides',
    explain: '16:9 slides (1920×1080): a title slide with the persona, then the map, stage by stage.',
    perSlide: 'Stages per slide',
    auto: 'Automatic ({{count}})',
    textSize: 'Card text on the slides: {{pt}} pt',
    textSmall:
      'Card text on the slides: {{pt}} pt, under the 14 pt a room can read. Fewer stages per slide keep it at 14 pt.',
    hideEmpty: 'Hide lanes without cards',
    hideCollapsed: 'Hide collapsed lanes',
    hideKinds: 'Hide these lanes',
    fullText: 'Full card text',
    pageSize: 'PDF page',
    pageWide: '16:9',
    pageA4: 'A4 landscape',
    pageA3: 'A3 landscape',
    count_one: '{{count}} slide',
    count_other: '{{count}} slides',
    leftOut_one: '{{count}} card is on a hidden lane and on no slide.',
    leftOut_other: '{{count}} cards are on hidden lanes and on no slide.',
    preview: 'Preview',
    slideAlt: 'Slide {{n}} of {{of}}',
    pptx: 'PowerPoint',
    pdf: 'PDF',
    png: 'PNG images',
    working: 'Making the slides…',
    done: 'Slides exported: {{count}} slides',
    failed: 'The slides could not be made.',
    number: '{{n}} / {{of}}',
    continued: '(continued)',
    goals: 'Goals',
    frustrations: 'Frustrations',
    close: 'Close',
  },
};

i18n.addResourceBundle('en', 'translation', enExports, true, false);
