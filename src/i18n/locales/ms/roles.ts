/** Bahasa Melayu: peranan dalam sesi langsung (menyerahkan fasilitasi, fasilitator bersama). */
export const roles = {
  roles: {
    facilitator: 'Fasilitator',
    coFacilitator: 'Fasilitator bersama',
    options: 'Pilihan untuk {{name}}',
    handOver: 'Serahkan fasilitasi',
    makeCo: 'Jadikan fasilitator bersama',
    removeCo: 'Buang fasilitator bersama',
    confirmTitle: 'Serahkan fasilitasi kepada {{name}}?',
    confirmMessage:
      '{{name}} akan mengendalikan sesi: undian, pemasa, Pembentangan, Ikut saya, Jemput dan tamatnya. Anda kekal di dalamnya sebagai peserta.',
    confirm: 'Serahkan',
    cancel: 'Batal',
    nowFacilitator: 'Anda kini fasilitator.',
    nowCoFacilitator: 'Anda kini fasilitator bersama.',
    noLongerCoFacilitator: 'Anda bukan lagi fasilitator bersama.',
    handedOver: '{{name}} kini fasilitator. Anda seorang peserta.',
    coAdded: '{{name}} kini fasilitator bersama.',
    coRemoved: '{{name}} bukan lagi fasilitator bersama.',
    refused: 'Peranan tidak dapat ditukar: orang itu mungkin sudah keluar, atau anda tidak lagi mengendalikan sesi.',
  },
};
