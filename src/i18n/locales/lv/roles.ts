/** Latviešu: lomas tiešsaistes sesijā (vadības nodošana, līdzvadītāji). */
export const roles = {
  roles: {
    facilitator: 'Vadītājs',
    coFacilitator: 'Līdzvadītājs',
    options: 'Iespējas: {{name}}',
    handOver: 'Nodot vadību',
    makeCo: 'Iecelt par līdzvadītāju',
    removeCo: 'Noņemt līdzvadītāja lomu',
    confirmTitle: 'Nodot vadību dalībniekam {{name}}?',
    confirmMessage:
      '{{name}} vadīs sesiju: balsojumus, taimeri, prezentāciju, “Sekot man”, uzaicinājumus un beigas. Jūs paliksiet tajā kā dalībnieks.',
    confirm: 'Nodot',
    cancel: 'Atcelt',
    nowFacilitator: 'Tagad jūs esat vadītājs.',
    nowCoFacilitator: 'Tagad jūs esat līdzvadītājs.',
    noLongerCoFacilitator: 'Jūs vairs neesat līdzvadītājs.',
    handedOver: '{{name}} tagad ir vadītājs. Jūs esat dalībnieks.',
    coAdded: '{{name}} tagad ir līdzvadītājs.',
    coRemoved: '{{name}} vairs nav līdzvadītājs.',
    refused: 'Lomu neizdevās mainīt: dalībnieks varbūt ir aizgājis, vai jūs vairs nevadāt sesiju.',
  },
};
