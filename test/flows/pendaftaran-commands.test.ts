import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledFlow } from '../../src/engine/compile-flow.ts';
import { fakeWorld, PureChat, repositoryFlows } from '../helpers/pure-chat.ts';

const NOW = new Date('2026-11-25T03:00:00Z');
const NIK = '3174015708850001';

let flow: CompiledFlow;
beforeAll(async () => {
  flow = (await repositoryFlows()).flows.get('pendaftaran') as CompiledFlow;
});

const ANSWERS: [string, string][] = [
  ['persetujuan', 'ya'], ['nama', 'Siti Aminah'], ['nik', NIK], ['tanggal_lahir', '17-08-1985'],
  ['ibu_kandung', 'lewati'], ['provinsi', 'dki jakarta'], ['kabupaten', 'jaksel'], ['pekerjaan', 'pkl'],
  ['tempat_usaha', '1'], ['penghasilan', '2 juta'], ['pegawai', 'tidak'], ['program', '1'], ['periode', '3 bulan'], ['pendanaan', 'mandiri'],
];


/** A chat resting at `target`, every earlier question answered the ordinary way. */
function chatAt(target: string): PureChat {
  const c = new PureChat(flow, fakeWorld(), NOW);
  c.say('halo');
  for (const [state, answer] of ANSWERS) {
    if (state === target) break;
    expect(c.state).toBe(state);
    c.say(answer);
  }
  expect(c.state).toBe(target);
  return c;
}

describe('bantuan', () => {
  it('explains the current question and lists the commands, changing nothing', () => {
    const c = chatAt('nik');
    const before = JSON.stringify(c.snapshot);
    const help = c.say('bantuan');
    expect(help).toContain('16 angka di bagian atas KTP');
    expect(help).toContain('UBAH');
    expect(JSON.stringify(c.snapshot)).toBe(before);
  });
});

describe('batal', () => {
  it('asks for confirmation, and "tidak" goes back to the same question with the answers kept', () => {
    const c = chatAt('provinsi');
    expect(c.say('batal')).toContain('Yakin mau membatalkan');
    const back = c.say('tidak');
    expect(back).toContain('provinsi');
    expect(c.state).toBe('provinsi');
    expect(c.answers['nama']).toBe('SITI AMINAH');
    expect(c.say('jawa barat')).toContain('kabupaten');
  });

  it('"ya" cancels: the conversation ends and nothing is registered', () => {
    const c = chatAt('provinsi');
    c.say('batal');
    expect(c.say('ya')).toContain('dibatalkan');
    expect(c.status).toBe('cancelled');
    expect(c.world.effects.some((e) => e.type === 'registerMember')).toBe(false);
    expect(c.say('halo')).toContain('MULAI');
  });

  it('a confirmation that is neither yes nor no is asked again', () => {
    const c = chatAt('nama');
    c.say('batal');
    expect(c.say('hmm')).toContain('Yakin mau membatalkan');
    expect(c.state).toBe('nama');
  });
});

describe('mulai', () => {
  it('starts over after confirmation, forgetting the answers', () => {
    const c = chatAt('tanggal_lahir');
    expect(c.say('mulai')).toContain('Mau mulai dari awal');
    expect(c.say('ya')).toContain('setuju');
    expect(c.state).toBe('persetujuan');
    expect(c.answers).toEqual({});
  });

  it('without answers yet it starts over at once', () => {
    const c = chatAt('persetujuan');
    expect(c.say('mulai')).toContain('setuju');
    expect(c.state).toBe('persetujuan');
  });
});

describe('ubah', () => {
  it('mid-flow: picks an earlier answer, corrects it, and comes back to the question it left', () => {
    const c = chatAt('pekerjaan');
    const menu = c.sayShown('ubah');
    expect(menu).toContain('1. Nama: SITI AMINAH');
    expect(menu.match(/SITI AMINAH/gu)).toHaveLength(1); // the list is shown once
    expect(c.say('1')).toContain('nama lengkap');
    const back = c.say('Siti Aminah Putri');
    expect(back).toContain('pekerjaan');
    expect(c.state).toBe('pekerjaan');
    expect(c.answers['nama']).toBe('SITI AMINAH PUTRI');
  });

  it('correcting the province clears the regency, which is asked again', () => {
    const c = chatAt('tempat_usaha');
    c.say('ubah');
    c.say('provinsi');
    expect(c.say('jawa barat')).toContain('kabupaten atau kota');
    expect(c.state).toBe('kabupaten');
    expect(c.say('kota bandung')).toContain('berjualan');
    expect(c.answers['kabupaten']).toBe('32.73');
  });

  it('from the summary: 2 (Ubah) opens the menu, a number there corrects that field and returns to the summary', () => {
    const c = chatAt('ringkasan');
    expect(c.sayShown('2')).toContain('8. Tempat usaha: Pinggir jalan / trotoar');
    expect(c.say('8')).toContain('berjualan');
    const summary = c.say('3');
    expect(c.state).toBe('ringkasan');
    expect(summary).toContain('• Tempat usaha: Kawasan wisata');
  });

  it('a changed income re-prices the summary', () => {
    const c = chatAt('ringkasan');
    const summary = c.say('ubah 9');
    expect(c.state).toBe('penghasilan');
    expect(summary).toContain('penghasilan');
    const after = c.say('5 juta');
    expect(c.state).toBe('ringkasan');
    // 5 jt → dasar 4.950.000: JKK 49.500 + JKM 6.800 = 56.300; Nov and Dec half 28.150, Jan 56.300.
    expect(after).toContain('Rp112.600');
  });

  it('with nothing answered yet says so', () => {
    const c = chatAt('nama');
    expect(c.say('ubah')).toContain('Belum ada jawaban');
  });
});

describe('re-prompts: a bad answer says what is expected and changes nothing', () => {
  const cases: [string, string, RegExp][] = [
    ['persetujuan', 'mungkin', /YA atau TIDAK/],
    ['nama', 'B', /terlalu pendek/],
    ['nama', '12345', /hanya boleh berisi huruf/],
    ['nik', '12345', /16 angka, yang Anda ketik 5 angka/],
    ['nik', '3174abc708850001', /hanya berisi angka/],
    ['nik', '9974015708850001', /kode provinsi/],
    ['nik', '3174019913850001', /tanggal lahir di dalam NIK/],
    ['tanggal_lahir', 'kemarin', /17-08-1985/],
    ['tanggal_lahir', '31-02-1985', /tidak ada di kalender/],
    ['tanggal_lahir', '01-01-2030', /masa depan/],
    ['provinsi', 'atlantis', /belum saya kenali/],
    ['kabupaten', 'gotham', /belum saya kenali/],
    ['tempat_usaha', '9', /nomor 1 sampai 6/],
    ['penghasilan', 'banyak', /contoh: 2 juta/],
    ['penghasilan', '1500', /kecil sekali/],
    ['program', '7', /nomor 1 sampai 2/],
    ['ringkasan', 'hmm', /ketik 1 \(atau YA\)/],
    ['ringkasan', '99', /ketik 2 \(atau UBAH\)/],
    ['nik', '3174015708850000', /tidak boleh 0000/],
    ['tanggal_lahir', '01-01-2015', /minimal 15 tahun/],
    ['ibu_kandung', '123', /hanya boleh berisi huruf/],
    ['kabupaten', 'denpasar', /belum saya kenali/],
    ['pekerjaan', 'astronot', /belum saya kenali/],
    ['penghasilan', '-2 juta', /tidak bisa minus/],
    ['penghasilan', '100 miliar', /terlalu besar/],
    ['penghasilan', '100rb sehari', /sebulan, bukan per hari/],
    ['penghasilan', '2 atau 3 juta', /dua angka berbeda/i],
    ['periode', '5 bulan', /nomor 1 sampai 4/],
    ['pendanaan', 'nanti saja', /nomor 1 sampai 2/],
  ];
  for (const [state, answer, expected] of cases) {
    it(`${state}: "${answer}"`, () => {
      const c = chatAt(state);
      const before = c.kept;
      expect(c.say(answer)).toMatch(expected);
      expect(c.state).toBe(state);
      expect(c.kept).toBe(before);
    });
  }

  it('stickers, photos, voice notes and locations get a polite text and change nothing', () => {
    const c = chatAt('nik');
    const before = JSON.stringify(c.snapshot);
    for (const kind of ['sticker', 'image', 'voice', 'location', 'contact', 'other'] as const) {
      const replies = c.send('', kind);
      expect(replies.map((r) => r.text).join()).toContain('hanya bisa membaca pesan teks');
    }
    expect(c.say('   ')).toContain('kosong');
    expect(JSON.stringify(c.snapshot)).toBe(before);
  });

  it('10,000 characters and odd Unicode do not crash anything', () => {
    const c = chatAt('nama');
    expect(c.say('x'.repeat(10_000))).toContain('terlalu panjang');
    expect(c.say('\u0000\u202e\uffff🙂🙂 ')).toMatch(/huruf|pendek/);
    expect(c.say('ZALGƠ̸̢ ̵̛NAME')).toBeTruthy();
  });
});

describe('soft warnings', () => {
  it('a birth date that differs from the NIK is asked about, and a confirmed one is accepted', () => {
    const c = chatAt('tanggal_lahir');
    const warning = c.say('18-08-1985');
    expect(warning).toContain('17 Agustus 1985');
    expect(warning).toContain('18 Agustus 1985');
    expect(c.state).toBe('tanggal_lahir_beda');
    expect(c.say('ya')).toContain('ibu kandung');
    expect(c.answers['tanggal_lahir']).toBe('1985-08-18');
  });

  it('"tidak" to the warning asks the birth date again', () => {
    const c = chatAt('tanggal_lahir');
    c.say('18-08-1985');
    expect(c.say('tidak')).toContain('tanggal lahir');
    expect(c.state).toBe('tanggal_lahir');
  });

  it('a NIK whose regency code is no longer in the list is valid after the vendor confirms it', () => {
    const c = chatAt('nik');
    expect(c.say('3199015708850001')).toContain('dimekarkan');
    expect(c.say('ya')).toContain('tanggal lahir');
  });

  it('an applicant aged 65 or more is told the age limit', () => {
    const c = chatAt('nik');
    c.say('3174011708550001');
    expect(c.say('17-08-1955')).toContain('di bawah 65 tahun');
    expect(c.state).toBe('tanggal_lahir');
  });
});

describe('NIK already registered', () => {
  it('is told kindly, without revealing whose it is, and another NIK can be typed', () => {
    const c = chatAt('nik');
    c.world.takenNiks.add(NIK);
    const reply = c.say(NIK);
    expect(reply).toContain('sudah terdaftar');
    expect(reply).not.toContain('SITI');
    expect(c.say('ya')).toContain('NIK');
    expect(c.state).toBe('nik');
    expect(c.say('3174011708850002')).toContain('tanggal lahir');
  });
});

describe('referral codes', () => {
  it('"DAFTAR AGEN123" attributes the vendor to a known agent', () => {
    const c = new PureChat(flow, fakeWorld(), NOW);
    c.world.agents.set('AGEN123', 'Budi');
    const reply = c.say('DAFTAR agen123');
    expect(reply).toContain('AGEN123 (Budi) tercatat');
    expect(reply).toContain('setuju');
  });

  it('an unknown code is said so and enrolment goes on', () => {
    const c = new PureChat(flow, fakeWorld(), NOW);
    expect(c.say('/start XYZ999')).toContain('tidak kami temukan');
    expect(c.state).toBe('persetujuan');
  });
});

describe('choices that fit several things', () => {
  it('"bogor" offers Kota and Kabupaten Bogor to pick from', () => {
    const c = chatAt('provinsi');
    c.say('jawa barat');
    const reply = c.send('bogor');
    expect(reply[0]?.choices?.join()).toMatch(/Kota Bogor/);
    expect(reply[0]?.choices?.join()).toMatch(/Kabupaten Bogor/);
    expect(c.state).toBe('kabupaten');
    const index = reply[0]?.choices?.findIndex((x) => x === 'Kabupaten Bogor') ?? -1;
    expect(c.say(String(index + 1))).toContain('pekerjaan');
    expect(c.answers['kabupaten']).toBe('32.01');
  });
});
