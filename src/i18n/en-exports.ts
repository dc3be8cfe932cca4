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
  compareExport: {
    svg: 'Export SVG',
    pptx: 'Export PowerPoint',
    copySummary: 'Copy summary',
    copied: 'Summary copied: paste it into a report or a spreadsheet.',
    copyFailed: 'The browser did not allow copying the summary.',
  },
  sheet: {
    title: 'Import spreadsheet',
    reading: 'Reading {{name}}…',
    import: 'Import',
    cancel: 'Cancel',
    journeyName: 'The new journey: “{{name}}”',
    layout: {
      grid: 'Read as a grid: stages across the first row, lanes down the first column, a card per line of a cell.',
      steps: 'Read as a row per step: choose what each column becomes.',
      cards: 'Read as a Journey Canvas CSV: a row per card.',
    },
    summary: '{{stages}} stages, {{cards}} cards',
    summaryJourneys_one: '{{count}} journey, {{cards}} cards',
    summaryJourneys_other: '{{count}} journeys, {{cards}} cards',
    columns: 'Columns',
    column: 'Column {{n}}',
    columnOf: 'What column {{n}} ({{header}}) becomes',
    target: {
      stage: 'Stage',
      persona: 'Persona',
      channel: 'Channel of the touchpoint',
      time: 'Time (in the step’s notes)',
      ignore: 'Not imported',
    },
    stagesList: 'Stages',
    unplaced: 'Not imported ({{count}}):',
    moreUnplaced_one: '…and {{count}} more.',
    moreUnplaced_other: '…and {{count}} more.',
    nothingLeft: 'Everything in the sheet has a place.',
    failed: 'Could not import {{name}}: nothing was changed.',
    problem: {
      encoding:
        'This CSV is not in UTF-8 or UTF-16. Save it as “CSV UTF-8” in your spreadsheet program and import it again.',
      csvBroken: 'This CSV has a quote that is never closed (row {{detail}}).',
      encrypted:
        'This workbook is protected with a password (or is an old .xls). Save it as .xlsx without a password and import it again.',
      notZip: 'This is not an .xlsx workbook.',
      corrupt: 'This .xlsx workbook is damaged and cannot be read.',
      unreadable: 'This .xlsx workbook cannot be read ({{detail}}).',
      tooManyEntries: 'This .xlsx holds far more parts than a workbook does; it was not opened.',
      tooLarge: 'This .xlsx would take more than 200 MB once unpacked; it was not opened.',
      bomb: 'This .xlsx is packed far more tightly than a workbook is (a zip bomb?); it was not opened.',
      merged:
        'The sheet has merged cells ({{detail}}), so which stage or lane their text belongs to is unclear. Unmerge them and import again.',
      noSheet: 'The workbook has no sheet with anything in it.',
      tooManyRows: 'The sheet has {{rows}} rows; at most {{max}} can be imported as one journey.',
      tooManyColumns: 'The sheet has {{columns}} columns; at most {{max}} can be imported.',
      empty: 'The sheet is empty.',
      noStageRow:
        'No stages were found: the first row should name the stages (from its second cell on), or a column should be headed “Stage”.',
      noStageColumn: 'Choose which column holds the stage.',
    },
    why: {
      laneWithoutName: 'Row {{row}}: its cards have no lane name in the first column.',
      stageWithoutName: 'Column {{column}}: its cards have no stage name in the first row.',
      rowWithoutStage: 'Row {{row}}: it comes before any stage is named.',
      ignoredColumn: 'Column {{column}} ({{header}}): not imported; choose what it becomes to import it.',
      notAScore: 'Row {{row}}, column {{column}}: “{{text}}” is not an emotion score (−2 to +2) or a known feeling.',
      unknownChannel: 'Row {{row}}, column {{column}}: “{{text}}” is not a channel the app knows.',
      timeWithoutStep: 'Row {{row}}: the time “{{text}}” has no step to go with.',
    },
  },
};

i18n.addResourceBundle('en', 'translation', enExports, true, false);
