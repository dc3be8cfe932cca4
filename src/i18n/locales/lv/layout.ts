/** Latviešu: šaurās galvenes (projektors, planšete) un tie, kas ir tiešsaistes sesijā. */
export const layout = {
  people: {
    show: 'Rādīt visu vārdus ({{n}})',
    title: 'Šajā sesijā: {{n}}',
    more: '+{{n}}',
    close: 'Aizvērt vārdu sarakstu',
  },
  slim: {
    more: 'Vairāk',
    moreTools: 'Citi rīki',
    details: 'Ceļa informācija',
    timer: 'Taimeris',
  },
};
