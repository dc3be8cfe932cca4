/** Bahasa Melayu: pengepala ramping (projektor, tablet) dan orang dalam sesi langsung. */
export const layout = {
  people: {
    show: 'Tunjukkan nama semua orang ({{n}})',
    title: 'Dalam sesi ini: {{n}}',
    more: '+{{n}}',
    close: 'Tutup senarai nama',
  },
  slim: {
    more: 'Lagi',
    moreTools: 'Alat lain',
    details: 'Butiran perjalanan',
    timer: 'Pemasa',
  },
};
