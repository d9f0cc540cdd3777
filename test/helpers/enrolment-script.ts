/**
 * A whole enrolment as a vendor types it, loosely, as the tests and the README transcript use it:
 * consent, name, NIK, birth date, mother's name (skipped), province, regency, occupation, place of
 * business, income, staff ("tidak": none), programme, period, who pays, and the summary's yes.
 */
export function enrolmentAnswers(nik: string, name = 'Siti Aminah'): string[] {
  return [
    'halo', 'iya kak', name, nik, '17 agustus 1985', 'lewati', 'jabar', 'kota bandung',
    'pkl', 'pasar', '2 jt', 'tidak', '1', '3 bulan', 'bayar sendiri', 'ya',
  ];
}

/** A valid NIK for test vendor number n: Jakarta Selatan, a woman born 17-08-1985. */
export function testNik(n: number): string {
  return `317401570885${String(n + 1).padStart(4, '0')}`;
}
