import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledFlow } from '../../src/engine/compile-flow.ts';
import { reminderMessage } from '../../src/runtime/reminders/reminder-message.ts';
import { fakeWorld, GRACE_ACCOUNT, PureChat, repositoryFlows, type FakeWorld } from '../helpers/pure-chat.ts';

const NOW = new Date('2026-11-25T03:00:00Z');

let flow: CompiledFlow;
let enrolment: CompiledFlow;
beforeAll(async () => {
  const flows = (await repositoryFlows()).flows;
  flow = flows.get('pengingat') as CompiledFlow;
  enrolment = flows.get('pendaftaran') as CompiledFlow;
});

function member(): { chat: PureChat; world: FakeWorld } {
  const world = fakeWorld();
  world.account = GRACE_ACCOUNT;
  return { chat: new PureChat(flow, world, NOW), world };
}

describe('the reply to a reminder is acted on at once', () => {
  it('"sudah bayar" asks for the reference and files it as a claim', () => {
    const { chat, world } = member();
    expect(chat.say('udah bayar kak')).toContain('Ketik nomor referensi');
    expect(chat.state).toBe('referensi');
    // A reference needs a digit: "kemarin" is asked again, not filed.
    expect(chat.say('kemarin')).toContain('Nomor referensinya belum terbaca');
    expect(world.claims).toEqual([]);
    expect(chat.say('TRX 8812 3341')).toContain('nomor TRX 8812 3341 sudah kami catat');
    expect(world.claims).toEqual(['TRX 8812 3341']);
    expect(chat.status).toBe('done');
  });

  it('"cara bayar" names the amount still owed, the code and the places to pay', () => {
    const { chat } = member();
    const reply = chat.say('cara bayar');
    expect(reply).toContain('masih kurang Rp30.200 dari Rp40.200');
    expect(reply).toContain('PY0000000018');
    expect(reply).toContain('Alfamart');
    expect(reply).toContain('NIK Anda sebagai ID Pelanggan');
  });

  it('reads a number typed in reply to a reminder\'s list (WhatsApp) as the same answer', () => {
    const catalogs = flow.catalogs;
    const reminder = reminderMessage(catalogs, 'id', { localeKey: 'pengingat.h_min_3', fullName: 'SITI', outstanding: 67_000, dueDate: '2026-12-15', paymentCode: 'PY0000000018' });
    expect(reminder.choices).toEqual(['Sudah bayar', 'Cara bayar', 'Cek iuran', 'Berhenti pengingat']);
    // The menu lists them first, in the same order, so the numbers mean the same.
    expect(member().chat.send('halo').at(-1)?.choices?.slice(0, 4)).toEqual(reminder.choices);
    for (const [i, expected] of [[1, 'Ketik nomor referensi'], [2, 'Bisa bayar di:'], [3, 'Status kepesertaan'], [4, 'Yakin tidak mau diingatkan']] as const) {
      expect(member().chat.say(String(i))).toContain(expected);
    }
  });

  it('"halo" gets the menu, not an error', () => {
    const { chat } = member();
    const replies = chat.send('halo');
    expect(replies.at(-1)?.text).toBe('Ada yang bisa kami bantu? Pilih atau ketik nomornya:');
    // Reminders are on: "Berhenti pengingat" is offered, "Nyalakan pengingat" is not.
    expect(replies.at(-1)?.choices).toEqual(['Sudah bayar', 'Cara bayar', 'Cek iuran', 'Berhenti pengingat', 'Ganti periode bayar']);
    expect(chat.state).toBe('menu');
  });
});

describe('bantuan in the menu', () => {
  it('explains the menu and lists the words that work here, not the enrolment\'s', () => {
    const { chat } = member();
    chat.say('halo');
    const help = chat.say('bantuan');
    expect(help).toContain('Ketik nomor pilihannya');
    expect(help).toContain('BERHENTI (matikan pengingat), MULAI (nyalakan pengingat)');
    expect(help).not.toContain('MULAI (dari awal)');
    expect(chat.state).toBe('menu');
  });
});

describe('batal in the menu', () => {
  it('closes the menu in the menu\'s words, not "cancel the enrolment"', () => {
    const { chat } = member();
    chat.say('ganti periode');
    const ask = chat.say('batal');
    expect(ask).toBe('Tidak jadi? Kita tutup menu ini. (ya/tidak)');
    expect(chat.say('ya')).toBe('Baik. Kirim pesan apa saja kalau perlu menu lagi, atau ketik CEK IURAN.');
    expect(chat.status).toBe('cancelled');
  });
});

describe('berhenti and mulai', () => {
  it('berhenti asks first; ya turns reminders off, and mulai turns them on again', () => {
    const { chat, world } = member();
    expect(chat.say('berhenti')).toContain('Yakin tidak mau diingatkan');
    expect(world.remindersOn).toBe(true);
    expect(chat.say('ya')).toContain('pengingat sudah dimatikan');
    expect(world.remindersOn).toBe(false);
    const again = new PureChat(flow, world, NOW);
    expect(again.say('mulai')).toContain('Pengingat bayar iuran sudah nyala');
    expect(world.remindersOn).toBe(true);
  });

  it('tidak keeps the reminders', () => {
    const { chat, world } = member();
    chat.say('stop');
    expect(chat.say('gak')).toContain('pengingat tetap jalan');
    expect(world.remindersOn).toBe(true);
  });
});

describe('ganti periode', () => {
  it('changes the period from the next bill on and says what it will cost', () => {
    const { chat, world } = member();
    expect(chat.say('ganti periode')).toContain('berapa bulan sekaligus');
    expect(chat.say('12 bulan')).toBe('Beres! Mulai Maret 2027 Anda bayar per 12 bulan: Rp160.800, paling lambat 15 Maret 2027.');
    expect(world.period).toBe(12);
  });

  it('says so when the period is the same', () => {
    const { chat } = member();
    chat.say('5');
    expect(chat.say('3 bulan')).toContain('memang sudah 3 bulan');
  });
});

describe('cek iuran, anywhere', () => {
  const STATUS = [
    'Status kepesertaan SITI AMINAH: BELUM DIBAYAR untuk bulan ini, jadi perlindungan belum berjalan. Tidak ada denda; tunggakan lebih dari 3 bulan membuat kepesertaan nonaktif.',
    'Yang perlu dibayar: masih kurang Rp30.200 dari Rp40.200 (untuk 3 bulan mulai Desember 2026), bayar paling lambat 15 Desember 2026. Kode iuran: PY0000000018.',
    'Pembayaran terakhir: Rp10.000 pada 20 November 2026.',
  ].join('\n');

  it('answers "cek iuran" as the first message, then offers the menu', () => {
    const { chat } = member();
    const replies = chat.send('cek iuran');
    expect(replies[0]?.text).toBe(STATUS);
    expect(replies.at(-1)?.choices).toHaveLength(5);
    expect(chat.state).toBe('menu');
  });

  it('answers from the menu by number too, and tells when reminders are off', () => {
    const { chat, world } = member();
    world.remindersOn = false;
    chat.say('halo');
    expect(chat.say('3')).toBe(`${STATUS}\nPengingat sedang mati. Ketik MULAI untuk menyalakan.`);
  });

  it('answers in the middle of an enrolment question and asks the question again, changing nothing', () => {
    const world = fakeWorld();
    const chat = new PureChat(enrolment, world, NOW);
    chat.say('halo');
    chat.say('ya');
    expect(chat.state).toBe('nama');
    const before = JSON.stringify(chat.snapshot);
    const reply = chat.say('status');
    expect(reply).toContain('Nomor ini belum terdaftar sebagai peserta');
    expect(reply).toContain('nama lengkap');
    expect(JSON.stringify(chat.snapshot)).toBe(before);
  });

  it('shows coverage in words for each status', () => {
    const cases: [object, string][] = [
      [{ status: 'active', paidThrough: '2027-02' }, 'AKTIF, iuran lunas sampai Februari 2027.'],
      [{ status: 'lapsed', since: '2027-04-16' }, 'NONAKTIF sejak 16 April 2027'],
      [{ status: 'pending', firstMonth: '2026-12' }, 'TERDAFTAR, tetapi belum terlindungi: iuran pertama belum dibayar.'],
      [{ status: 'pending', firstMonth: '2026-12', waitingForSponsor: true }, 'Permintaan bantuan iuran Anda sedang menunggu sponsor'],
    ];
    for (const [coverage, words] of cases) {
      const { chat, world } = member();
      world.account = { nama: 'BUDI', next: null, lastPayment: null, ...coverage };
      const reply = chat.say('cek iuran');
      expect(reply).toContain(words);
      expect(reply).toContain('Tidak ada tagihan yang perlu dibayar sekarang.');
      expect(reply).toContain('Belum ada pembayaran yang kami terima.');
    }
  });
});

describe('the JKM benefit is told with its condition (issue #8)', () => {
  it('says Rp42 juta after 3 consecutive paid months and Rp10 juta before, in every language', () => {
    const catalogs = enrolment.catalogs as Record<string, Record<string, string>>;
    expect(catalogs['id']?.['pendaftaran.program.bantuan']).toContain('Rp42 juta untuk ahli waris bila iuran sudah dibayar 3 bulan berturut-turut; sebelum itu Rp10 juta');
    expect(catalogs['en']?.['pendaftaran.program.bantuan']).toContain('Rp42 million paid to your heirs once contributions have been paid 3 months in a row; before that, Rp10 million');
    for (const catalog of Object.values(catalogs)) {
      for (const [key, text] of Object.entries(catalog)) if (/Rp42/u.test(text)) expect(text, key).toMatch(/Rp10/u);
    }
  });
});
