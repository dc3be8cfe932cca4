/** Messages of the slim headers (projector, tablet) and of who is in a live session. */
export const enLayout = {
  people: {
    show: 'Show everyone’s names ({{n}})',
    title: 'In this session: {{n}}',
    more: '+{{n}}',
    close: 'Close the names',
  },
  slim: {
    more: 'More',
    moreTools: 'More tools',
    details: 'Journey details',
    timer: 'Timer',
  },
};
