import { i18n } from './index';

/**
 * Messages of the workshop's tools (dot voting, the parking lot, saved templates), loaded with
 * the screens that use them rather than with the first page: the editor, New journey and the
 * Journeys screen's templates import this module, which adds them to the catalogue.
 */
export const enWorkshop = {
  parking: {
    title: 'Parking lot',
    close: 'Close the parking lot',
    add: 'Park an idea',
    placeholder: 'An idea with no cell yet, Enter parks it',
    empty: 'Ideas that fit no cell yet wait here. Drag one onto the map when its place is clear.',
    dragHint: 'Drag onto the map to make it a card there',
    place: 'Place “{{title}}” in {{where}}',
    remove: 'Remove “{{title}}” from the parking lot',
    full: 'The parking lot holds at most {{max}} ideas: place or remove some first.',
  },
  vote: {
    start: 'Start vote',
    settings: 'Vote settings',
    explain: 'Everyone spends their dots on the cards that matter most; the totals rank them.',
    on: 'Vote on',
    kinds: {
      both: 'Pain points and opportunities',
      painPoints: 'Pain points',
      opportunities: 'Opportunities',
    },
    dots: 'Dots per person',
    people: 'People in the room',
    peopleAny: 'Any number',
    soloHint: 'You record the room’s dots. With the head count, at most that many dots per person can be recorded.',
    anonymous: 'Hide the tallies until the vote is closed',
    cancel: 'Cancel',
    close: 'Close vote',
    left_one: '{{count}} of {{all}} dots left',
    left_other: '{{count}} of {{all}} dots left',
    recorded_one: '{{count}} dot recorded',
    recorded_other: '{{count}} dots recorded',
    give: 'Vote for {{title}}',
    remove: 'Remove vote for {{title}}',
    noneLeft: 'No dots left: take one back to move it',
    yours_one: 'Your {{count}} dot (the tallies show when the vote is closed)',
    yours_other: 'Your {{count}} dots (the tallies show when the vote is closed)',
    results: 'Vote results',
    noVotes: 'No dots were spent.',
    unvoted_one: '{{count}} card got no dots.',
    unvoted_other: '{{count}} cards got no dots.',
    written: 'Each opportunity’s total is now its Votes (Undo takes them back).',
    painPointsKept: 'Pain points’ totals stay in these results: the journey file has no votes for pain points.',
    highlight: 'Highlight on the map',
    highlightNone: 'None',
    highlightTop_one: 'Top {{count}}',
    highlightTop_other: 'Top {{count}}',
    dismiss: 'Put results away',
    notKept:
      'The vote could not be kept in this browser (storage is full or disabled): it lasts until the page is closed.',
  },
  templates: {
    save: 'Save as template',
    saveSubmit: 'Save template',
    saved: 'Saved as template “{{name}}”. It is offered in New journey.',
    saveFailed: 'The template could not be stored in this browser. Nothing was changed.',
    readFailed: 'Your saved templates could not be read.',
    name: 'Name',
    cancel: 'Cancel',
    yours: 'Your templates',
    actions: 'Actions for template {{name}}',
    rename: 'Rename',
    renameTitle: 'Rename template',
    renameSubmit: 'Save',
    export: 'Export JSON',
    delete: 'Delete',
    deleteTitle: 'Delete template “{{name}}”?',
    deleteMessage: 'Journeys made from it stay as they are.',
    deleted: 'Template “{{name}}” deleted.',
  },
};

i18n.addResourceBundle('en', 'translation', enWorkshop, true, false);
