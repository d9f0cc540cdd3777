/** Texts the engine itself says, whatever the flow: every locale must have them. */
export const SYSTEM_KEYS = [
  'sistem.kosong', 'sistem.bukan_teks', 'sistem.tunggu', 'sistem.selesai', 'sistem.dibatalkan', 'sistem.sapa', 'sistem.lanjut',
  'sistem.bantuan.umum', 'sistem.bantuan.bingkai', 'sistem.bantuan.ya_tidak',
  'sistem.ubah.bantuan', 'sistem.ulang.bantuan', 'sistem.ulang.agen',
  'sistem.batal.tanya', 'sistem.batal.selesai', 'sistem.mulai.tanya',
  'sistem.ubah.menu', 'sistem.ubah.kosong', 'galat.ubah.invalid',
  'sistem.pilih_salah_satu', 'sistem.konfirmasi.tanya', 'sistem.konfirmasi.ulang', 'sistem.dilewati', 'sistem.diskon',
  'sistem.bahasa.tanya', 'sistem.bahasa.diganti', 'sistem.bahasa.id', 'sistem.bahasa.en', 'galat.bahasa.invalid',
  'sistem.pilihan.ya', 'sistem.pilihan.tidak', 'sistem.pilihan.benar', 'sistem.pilihan.ubah', 'sistem.pilihan.lainnya',
  ...Array.from({ length: 12 }, (_, i) => `sistem.bulan.${i + 1}`),
] as const;
