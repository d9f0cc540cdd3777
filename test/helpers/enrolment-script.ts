/** A whole enrolment as a vendor types it, loosely, as the tests and the README transcript use it. */
export function enrolmentAnswers(nik: string, name = 'Siti Aminah'): string[] {
  return [
    'halo', 'iya kak', name, nik, '17 agustus 1985', 'lewati', 'jabar', 'kota bandung',
    'pkl', 'pasar', '2 jt', '1', '3 bulan', 'bayar sendiri', 'ya',
  ];
}

/** A valid NIK for test vendor number n: Jakarta Selatan, a woman born 17-08-1985. */
export function testNik(n: number): string {
  return `317401570885${String(n + 1).padStart(4, '0')}`;
}
