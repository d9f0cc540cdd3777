import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledFlow } from '../../src/engine/compile-flow.ts';
import { enrolmentAnswers, testNik } from '../helpers/enrolment-script.ts';
import { fakeWorld, GRACE_ACCOUNT, PureChat, repositoryFlows } from '../helpers/pure-chat.ts';

// Issue #8, items 1, 3, 4 and 7: a vendor is never trapped, numbers mean what the screen says,
// emoji are no answers, and a question failed again and again offers more help each time.

const NOW = new Date('2026-11-25T03:00:00Z');
const NIK = testNik(0);

let enrolment: CompiledFlow;
let menu: CompiledFlow;
beforeAll(async () => {
  const flows = (await repositoryFlows()).flows;
  enrolment = flows.get('pendaftaran') as CompiledFlow;
  menu = flows.get('pengingat') as CompiledFlow;
});

/** The shared enrolment script up to (not including) its last answer: the chat rests at the summary. */
function atSummary(): PureChat {
  const c = new PureChat(enrolment, fakeWorld(), NOW);
  for (const answer of enrolmentAnswers(NIK).slice(0, -1)) c.say(answer);
  expect(c.state).toBe('ringkasan');
  return c;
}

/** The shared enrolment script until the chat rests at `state`. */
function at(state: string): PureChat {
  const c = new PureChat(enrolment, fakeWorld(), NOW);
  for (const answer of enrolmentAnswers(NIK)) {
    if (c.state === state) return c;
    c.say(answer);
  }
  throw new Error(`the enrolment script never rests at ${state}`);
}

function pending(c: PureChat): { kind: string } | null {
  return (c.snapshot?.machine as { context: { pending: { kind: string } | null } }).context.pending;
}

describe('1. the UBAH menu lets every global word out', () => {
  function inMenu(): PureChat {
    const c = at('pekerjaan');
    expect(c.say('ubah')).toContain('Jawaban mana yang mau diubah?');
    expect(pending(c)?.kind).toBe('edit_menu');
    return c;
  }

  it('batal asks to cancel, and ya cancels', () => {
    const c = inMenu();
    expect(c.say('batal')).toContain('Yakin mau membatalkan pendaftaran?');
    expect(c.say('ya')).toContain('Pendaftaran dibatalkan');
    expect(c.status).toBe('cancelled');
  });

  it('batal then tidak goes back to the question, answers kept', () => {
    const c = inMenu();
    c.say('batal');
    expect(c.say('tidak')).toContain('pekerjaan');
    expect(pending(c)).toBeNull();
    expect(c.state).toBe('pekerjaan');
    expect(c.answers['nama']).toBe('SITI AMINAH');
  });

  it('mulai asks to start over, and ya starts over', () => {
    const c = inMenu();
    expect(c.say('mulai')).toContain('Mau mulai dari awal?');
    expect(c.say('ya')).toContain('setuju');
    expect(c.state).toBe('persetujuan');
    expect(c.answers).toEqual({});
  });

  it('bantuan explains the menu and keeps it open', () => {
    const c = inMenu();
    const help = c.say('bantuan');
    expect(help).toContain('Ketik nomor jawaban yang mau diubah');
    expect(help).not.toContain('Nomor itu tidak ada');
    expect(pending(c)?.kind).toBe('edit_menu');
    expect(c.say('1')).toContain('nama lengkap');
  });

  it('cek iuran answers and shows the menu again', () => {
    const c = inMenu();
    const reply = c.say('cek iuran');
    expect(reply).toContain('belum terdaftar sebagai peserta');
    expect(reply).toContain('Jawaban mana yang mau diubah?');
    expect(pending(c)?.kind).toBe('edit_menu');
  });

  it('halo greets and shows the menu again', () => {
    const c = inMenu();
    const reply = c.sayShown('halo');
    expect(reply).toContain('Halo!');
    expect(reply).toContain('1. Nama: SITI AMINAH');
    expect(reply).not.toContain('tidak ada di daftar');
  });

  it('a word that is no option gets the menu with how to choose, and "ubah nama" picks the name', () => {
    const c = inMenu();
    const reply = c.sayShown('apa ya');
    expect(reply).toContain('Itu belum ada di daftar');
    expect(reply).toContain('1. Nama: SITI AMINAH');
    expect(reply).toContain('TIDAK kalau tidak jadi');
    expect(c.say('ubah nama')).toContain('nama lengkap');
    expect(c.state).toBe('nama');
  });
});

describe('3. wrong words at the wrong time', () => {
  it('"halo" after BATAL says the enrolment was cancelled and offers MULAI', () => {
    const c = at('provinsi');
    c.say('batal');
    c.say('ya');
    const reply = c.say('halo');
    expect(reply).toContain('sudah Anda batalkan');
    expect(reply).toContain('MULAI');
    expect(reply).not.toContain('sudah selesai');
    expect(c.say('mulai')).toContain('setuju');
  });

  it('"halo" in the member menu greets and shows the menu, not an error', () => {
    const world = fakeWorld();
    world.account = GRACE_ACCOUNT;
    const c = new PureChat(menu, world, NOW);
    c.say('halo');
    const replies = c.send('halo');
    expect(replies.map((r) => r.text).join()).not.toContain('belum saya kenali');
    expect(replies[0]?.text).toBe('Halo! 😊');
    expect(replies.at(-1)?.text).toContain('Ada yang bisa kami bantu?');
    expect(c.state).toBe('menu');
  });

  it('"👍" at the NIK question gets the polite non-text reply and changes nothing', () => {
    const c = at('nik');
    const before = JSON.stringify(c.snapshot);
    expect(c.say('👍')).toContain('hanya bisa membaca pesan teks');
    expect(c.say('🙏🏽🙏🏽')).toContain('hanya bisa membaca pesan teks');
    expect(JSON.stringify(c.snapshot)).toBe(before);
  });

  it('"👍" at a yes/no question is not a yes', () => {
    const c = new PureChat(enrolment, fakeWorld(), NOW);
    c.say('halo');
    expect(c.say('👍')).toContain('hanya bisa membaca pesan teks');
    expect(c.state).toBe('persetujuan');
    expect(c.answers).toEqual({});
    expect(c.world.effects.some((e) => e.type === 'recordConsent')).toBe(false);
  });

  it('"👍" at the summary and at a confirmation confirms nothing', () => {
    const c = atSummary();
    expect(c.say('👍')).toContain('hanya bisa membaca pesan teks');
    expect(c.world.registered).toHaveLength(0);
    c.say('batal');
    expect(c.say('👍')).toContain('hanya bisa membaca pesan teks');
    expect(c.status).toBe('active');
    expect(pending(c)?.kind).toBe('cancel');
  });

  it('"👍" in the member menu is no choice', () => {
    const world = fakeWorld();
    world.account = GRACE_ACCOUNT;
    const c = new PureChat(menu, world, NOW);
    c.say('halo');
    expect(c.say('👍')).toContain('hanya bisa membaca pesan teks');
    expect(c.state).toBe('menu');
  });
});

describe('3. the member menu offers the reminder switch that applies', () => {
  function memberChat(remindersOn: boolean): PureChat {
    const world = fakeWorld();
    world.account = GRACE_ACCOUNT;
    world.remindersOn = remindersOn;
    return new PureChat(menu, world, NOW);
  }

  it('reminders on: "Berhenti pengingat" only, and its number stops them', () => {
    const c = memberChat(true);
    const choices = c.send('halo').at(-1)?.choices;
    expect(choices).toContain('Berhenti pengingat');
    expect(choices).not.toContain('Nyalakan pengingat');
    expect(c.say(String((choices?.indexOf('Berhenti pengingat') ?? 0) + 1))).toContain('Yakin tidak mau diingatkan');
  });

  it('reminders off: "Nyalakan pengingat" only, and its number turns them on', () => {
    const c = memberChat(false);
    const choices = c.send('halo').at(-1)?.choices;
    expect(choices).toContain('Nyalakan pengingat');
    expect(choices).not.toContain('Berhenti pengingat');
    expect(c.say(String((choices?.indexOf('Nyalakan pengingat') ?? 0) + 1))).toContain('Pengingat bayar iuran sudah nyala');
    expect(c.world.remindersOn).toBe(true);
  });

  it('the first message still acts at once: "sudah bayar" to a reminder asks for the reference', () => {
    const c = memberChat(true);
    expect(c.say('udah bayar kak')).toContain('Ketik nomor referensi');
    expect(c.state).toBe('referensi');
  });
});

describe('4. numbers mean what the screen says', () => {
  it('"1" answers Ya and "2" Tidak at a yes/no question', () => {
    const c = new PureChat(enrolment, fakeWorld(), NOW);
    expect(c.send('halo').at(-1)?.choices).toEqual(['Ya', 'Tidak']);
    expect(c.say('1')).toContain('nama lengkap');
    expect(c.answers['persetujuan']).toBe(true);
    const no = new PureChat(enrolment, fakeWorld(), NOW);
    no.say('halo');
    expect(no.say('2')).toContain('tidak apa-apa');
    expect(no.answers['persetujuan']).toBe(false);
  });

  it('"1" and "2" answer the engine\'s own confirmations', () => {
    const c = at('provinsi');
    expect(c.send('batal').at(-1)?.choices).toEqual(['Ya', 'Tidak']);
    expect(c.say('2')).toContain('provinsi');
    expect(c.status).toBe('active');
    c.say('mulai');
    expect(c.say('1')).toContain('setuju');
    expect(c.state).toBe('persetujuan');
  });

  it('at the summary, the fields are not numbered and "1" (Ya, sudah benar) confirms', () => {
    const c = atSummary();
    const summary = c.send('halo').at(-1);
    expect(summary?.choices).toEqual(['Ya, sudah benar', 'Ubah']);
    expect(summary?.text).toContain('• Nama: SITI AMINAH');
    expect(summary?.text).not.toMatch(/^1\. /m);
    expect(summary?.text).toContain('Ketik 1 kalau sudah benar, atau 2 untuk mengubah');
    expect(c.say('1')).toContain('Selamat, SITI AMINAH');
    expect(c.world.registered).toHaveLength(1);
  });

  it('at the summary, "2" and the button "Ubah" open the UBAH menu, where the numbers are the answers', () => {
    for (const typed of ['2', 'Ubah', 'ubah', 'tidak']) {
      const c = atSummary();
      const menuText = c.sayShown(typed);
      expect(menuText).toContain('Jawaban mana yang mau diubah?');
      expect(menuText).toContain('1. Nama: SITI AMINAH');
      expect(c.say('1')).toContain('nama lengkap');
      expect(c.say('Siti Rahayu')).toContain('• Nama: SITI RAHAYU');
      expect(c.state).toBe('ringkasan');
    }
  });

  it('"ubah nama", "nama salah", "ganti tanggal lahir" at the summary correct that answer and come back', () => {
    const cases: [string, string, string][] = [
      ['ubah nama', 'nama', 'Siti Rahayu'],
      ['nama salah', 'nama', 'Siti Rahayu'],
      ['ganti tanggal lahir', 'tanggal_lahir', '17-08-1985'],
      ['ubah periode', 'periode', '1'],
    ];
    for (const [typed, state, answer] of cases) {
      const c = atSummary();
      c.say(typed);
      expect(c.state).toBe(state);
      c.say(answer);
      expect(c.state).toBe('ringkasan');
    }
  });

  it('"ganti alamat" (no such answer by that name) opens the UBAH menu', () => {
    const c = atSummary();
    expect(c.sayShown('ganti alamat')).toContain('6. Kabupaten/kota: Kota Bandung');
    expect(pending(c)?.kind).toBe('edit_menu');
  });

  it('"ubah nama" works in the middle of the enrolment too', () => {
    const c = at('pekerjaan');
    expect(c.say('ubah nama')).toContain('nama lengkap');
    expect(c.say('Siti Rahayu')).toContain('pekerjaan');
    expect(c.answers['nama']).toBe('SITI RAHAYU');
  });
});

describe('7. re-asks escalate', () => {
  it('the second failure adds an example in other words and BANTUAN; the third an agent', () => {
    const c = at('tanggal_lahir');
    const first = c.say('kemarin');
    expect(first).toContain('Tanggal belum terbaca');
    expect(first).not.toContain('BANTUAN');
    const second = c.say('besok');
    expect(second).toContain('Tanggal belum terbaca');
    expect(second).toContain('tanggal, bulan, tahun');
    expect(second).toContain('ketik BANTUAN');
    expect(second).not.toContain('Agen Perisai');
    const third = c.say('lusa');
    expect(third).toContain('Agen Perisai');
    expect(c.say('minggu lalu')).toContain('Agen Perisai');
    expect(c.state).toBe('tanggal_lahir');
    expect(c.answers['tanggal_lahir']).toBeUndefined();
  });

  it('the count starts again at the next question', () => {
    const c = at('tanggal_lahir');
    c.say('kemarin');
    c.say('besok');
    c.say('17 agustus 1985');
    c.say('lewati');
    expect(c.state).toBe('provinsi');
    const first = c.say('atlantis');
    expect(first).toContain('belum saya kenali');
    expect(first).not.toContain('BANTUAN');
  });

  it('is counted in the persisted context', () => {
    const c = at('nik');
    c.say('123');
    c.say('456');
    const context = (c.snapshot?.machine as { context: { failures: unknown } }).context;
    expect(context.failures).toEqual({ key: 'nik', count: 2 });
  });

  it('escalates at the engine\'s own questions too: a yes/no confirmation', () => {
    const c = at('nama');
    c.say('batal');
    expect(c.say('hmm')).not.toContain('BANTUAN');
    const second = c.say('apa');
    expect(second).toContain('Yakin mau membatalkan');
    expect(second).toContain('Ketik YA (atau 1)');
    expect(c.say('entah')).toContain('Agen Perisai');
    expect(c.say('2')).toContain('nama lengkap');
  });
});
