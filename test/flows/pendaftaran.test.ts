import { beforeAll, describe, expect, it } from 'vitest';
import { compileFlow, type CompiledFlow } from '../../src/engine/compile-flow.ts';
import { enrolmentAnswers } from '../helpers/enrolment-script.ts';
import { fakeWorld, PureChat, repositoryFlows } from '../helpers/pure-chat.ts';

// 25 Nov 2026, 10:00 WIB: after November's due date (16 Nov). The first contribution month is
// still November 2026 (iuran.yaml names no cutoff day); the first bill is due 15 December 2026.
const NOW = new Date('2026-11-25T03:00:00Z');
const NIK_WOMAN = '3174015708850001'; // Jakarta Selatan, born 17-08-1985 (57 = 17 + 40)

let flow: CompiledFlow;
beforeAll(async () => {
  const found = (await repositoryFlows()).flows.get('pendaftaran');
  if (!found) throw new Error('flows/pendaftaran.yaml did not compile');
  flow = found;
});

function chat() {
  return new PureChat(flow, fakeWorld(), NOW);
}

describe('pendaftaran: the happy path', () => {
  it('greets, asks consent, and walks through every question to a registered member with a bill', () => {
    const c = chat();
    const greeting = c.say('halo');
    expect(greeting).toContain('Payung');
    expect(greeting).toContain('bukan kanal resmi BPJS');
    expect(greeting).toMatch(/setuju\?/);
    expect(c.state).toBe('persetujuan');

    expect(c.say('iya kak')).toContain('nama lengkap');
    expect(c.world.effects.find((e) => e.type === 'recordConsent')?.payload).toMatchObject({ granted: true, version: 'pdp-2026-11-v1' });
    expect(c.say('Siti Aminah')).toContain('NIK');
    expect(c.say('3174 0157 0885 0001')).toContain('tanggal lahir');
    expect(c.say('17 agustus 1985')).toContain('ibu kandung');
    expect(c.say('lewati')).toContain('provinsi');
    expect(c.say('dki')).toContain('kabupaten atau kota');
    expect(c.say('jaksel')).toContain('pekerjaan');
    expect(c.say('pedagang kaki lima')).toContain('berjualan');
    expect(c.say('pasar')).toContain('penghasilan');
    expect(c.say('2 juta')).toContain('pegawai');

    const question = c.send('tidak').at(-1);
    const programmes = question?.text ?? '';
    // Income Rp2.000.000 → dasar Rp2.000.000: JKK Rp20.000 + JKM Rp6.800 = Rp26.800, halved in Dec 2026.
    // The prices are on the options (a list is shown once, below the text).
    expect(question?.choices).toEqual(['JKK + JKM (Rp13.400/bulan)', 'JKK + JKM + JHT (Rp53.400/bulan)']); // + JHT Rp40.000, never discounted
    expect(programmes).toContain('50%');
    expect(programmes).toContain('Desember 2026');
    expect(programmes).toContain('Rp26.800');

    // Registered on 25 November: the first month is November (the month of registration).
    const periods = c.say('1');
    expect(periods).toContain('Iuran pertama untuk bulan November 2026');
    expect(c.send('1').length).toBeGreaterThan(0); // 1 month
    const summary = c.say('mandiri');
    expect(summary).toContain('• Nama: SITI AMINAH');
    expect(summary).toContain('************0001');
    expect(summary).not.toContain(NIK_WOMAN);
    expect(summary).toContain('Kota Administrasi Jakarta Selatan');
    expect(summary).toContain('Rp13.400');
    expect(summary).toContain('mulai November 2026');

    const done = c.say('ya');
    expect(done).toContain('Selamat, SITI AMINAH');
    expect(done).toContain('PY12345678903');
    expect(done).toContain('Rp13.400');
    // 16 Nov (the 15th was a Sunday) had passed: the first bill is due on the next due date.
    expect(done).toContain('15 Desember 2026');
    expect(done).toContain('Perlindungan untuk bulan November 2026');
    expect(c.status).toBe('done');
    expect(c.world.registered).toHaveLength(1);
    expect(c.world.registered[0]).toMatchObject({
      fullName: 'SITI AMINAH', nik: NIK_WOMAN, sex: 'P', birthDate: '1985-08-17', motherMaidenName: null,
      provinceCode: '31', regencyCode: '31.74', sector: 'other', declaredIncome: 2_000_000, baseIncome: 2_000_000,
      programmes: ['JKK', 'JKM'], paymentPeriodMonths: 1, funding: 'mandiri',
      bill: { startMonth: '2026-11', months: 1, amount: 13_400, dueDate: '2026-12-15' },
    });
  });
});

/** A chat resting at `target`, every earlier question answered as the shared enrolment script does. */
function chatAt(target: string, nik = NIK_WOMAN): PureChat {
  const c = chat();
  for (const answer of enrolmentAnswers(nik)) {
    c.say(answer);
    if (c.state === target) return c;
  }
  throw new Error(`the enrolment script never rests at ${target}`);
}

function registered(c: PureChat): Record<string, unknown> {
  return c.world.registered[0] as Record<string, unknown>;
}

describe('issue #8 item 2: a short occupation list, and Lainnya asks in words', () => {
  it('shows 6–8 occupations, street vendors first and Lainnya last, each pickable by its number', () => {
    const d = chatAt('pekerjaan');
    const [reply] = chatAt('kabupaten').send('kota bandung').slice(-1);
    const choices = reply?.choices ?? [];
    expect(choices.length).toBeGreaterThanOrEqual(7);
    expect(choices.length).toBeLessThanOrEqual(9);
    expect(choices[0]).toMatch(/kaki lima/i);
    expect(choices.at(-1)).toBe('Lainnya');
    d.say(String(choices.indexOf('Pedagang pasar') + 1));
    expect(d.answers['pekerjaan']).toBe('pedagang_pasar');
  });

  it('a job not on the short list is still found by name, typos and aliases included', () => {
    for (const [typed, code] of [['tukang parkr', 'tukang_parkir'], ['jukir', 'tukang_parkir'], ['nelayan', 'nelayan'], ['kurir paket', 'kurir']]) {
      const c = chatAt('pekerjaan');
      c.say(typed ?? '');
      expect(c.answers['pekerjaan'], typed).toBe(code);
    }
  });

  it('"Lainnya" asks the job in words and matches it against the whole list (the sector follows)', () => {
    const c = chatAt('pekerjaan');
    expect(c.say('lainnya')).toContain('Tulis pekerjaan Anda');
    expect(c.state).toBe('pekerjaan_lain');
    c.say('narik ojol');
    expect(c.answers['pekerjaan']).toBe('ojek_online');
  });

  it('a job that matches nothing after "Lainnya" is kept in the vendor\'s words', () => {
    const c = chatAt('pekerjaan');
    c.say('8');
    expect(c.state).toBe('pekerjaan_lain');
    // "tukang pijat" is one slip from an alias ("tukang pikul"): asked, with the vendor's own words.
    const offered = c.send('tukang pijat').at(-1)?.choices ?? [];
    expect(offered).toEqual(['Buruh angkut pasar/kuli panggul', 'Tukang pijat']);
    expect(c.say('2')).toContain('berjualan');
    expect(c.answers['pekerjaan']).toBe('lainnya');
    for (const answer of ['pasar', '2 jt', 'tidak', '1', '1']) c.say(answer);
    expect(c.say('mandiri')).toContain('Pekerjaan: Tukang pijat');
  });
});

describe('issue #8 item 5: answers read as the vendor meant them', () => {
  it('"di pinggir jalan" is a fixed roadside pitch, not Keliling', () => {
    const c = chatAt('tempat_usaha');
    expect(c.say('di pinggir jalan')).toContain('penghasilan');
    expect(c.answers['tempat_usaha']).toBe('pinggir_jalan');
    const d = chatAt('tempat_usaha');
    d.say('trotoar');
    expect(d.answers['tempat_usaha']).toBe('pinggir_jalan');
  });

  it.each([['NIK saya 3174015708850001'], ['nik: 3174-0157-0885-0001'], ['ini nik sy 3174 0157 0885 0001 kak']])('the NIK is taken out of "%s"', (typed) => {
    const c = chatAt('nik');
    expect(c.say(typed)).toContain('tanggal lahir');
    expect(c.answers['nik']).toMatchObject({ nik: NIK_WOMAN });
  });

  it('honorifics and "nama saya" are not part of the name, nor of the greeting', () => {
    const c = chat();
    c.say('halo');
    c.say('ya');
    c.say('ibu sri wahyuni');
    expect(c.answers['nama']).toBe('SRI WAHYUNI');
    const d = chat();
    d.say('halo');
    d.say('ya');
    d.say('nama saya Pak Budi Santoso');
    expect(d.answers['nama']).toBe('BUDI SANTOSO');
    for (const answer of enrolmentAnswers(NIK_WOMAN).slice(3)) d.say(answer);
    expect(d.status).toBe('done');
    expect(registered(d)['fullName']).toBe('BUDI SANTOSO');
  });

  it('"tidak" at the programme question is the basic package, without JHT', () => {
    const c = chatAt('program');
    expect(c.say('tidak')).toContain('berapa bulan');
    expect(c.answers['program']).toBe('dasar');
  });

  it('a vendor whose job says where they sell ("keliling") is not asked where they sell', () => {
    const c = chatAt('pekerjaan');
    expect(c.say('keliling')).toContain('penghasilan');
    expect(c.state).toBe('penghasilan');
    expect(c.answers).toMatchObject({ pekerjaan: 'pedagang_keliling', tempat_usaha: 'keliling' });
    // Correcting the job to one that does not say it asks the place again.
    for (const answer of ['2 jt', 'tidak', '1', '1', 'mandiri']) c.say(answer);
    expect(c.state).toBe('ringkasan');
    expect(c.say('ubah 7')).toContain('pekerjaan');
    expect(c.say('pkl')).toContain('berjualan');
    expect(c.say('pasar')).toContain('Cek lagi');
    expect(c.answers).toMatchObject({ pekerjaan: 'pkl', tempat_usaha: 'pasar_tradisional' });
  });
});


describe('issue #8 item 12: negative or zero income is refused', () => {
  it.each([['Rp -5 jt', /tidak bisa minus/], ['-2000000', /tidak bisa minus/], ['0', /tidak bisa nol/]])('"%s"', (typed, expected) => {
    const c = chatAt('penghasilan');
    const before = c.kept;
    expect(c.say(typed)).toMatch(expected);
    expect(c.state).toBe('penghasilan');
    expect(c.kept).toBe(before);
  });
});

describe('issue #8 item 17: employers must take JHT; a personal driver is a wage earner', () => {
  it('a vendor with staff is offered only the package with JHT, and told why', () => {
    const c = chatAt('pegawai');
    const reply = c.say('ya');
    expect(reply).toContain('Permenaker 5/2021');
    expect(reply).toContain('JKK + JKM + JHT, Rp53.400/bulan');
    expect(c.state).toBe('periode');
    for (const answer of ['1', 'mandiri', 'ya']) c.say(answer);
    expect(registered(c)['programmes']).toEqual(['JKK', 'JKM', 'JHT']);
  });

  it('"sopir pribadi" is told kindly that the employer registers them, and the question stays', () => {
    const c = chatAt('pekerjaan');
    const before = c.kept;
    expect(c.say('sopir pribadi')).toMatch(/Sopir pribadi digaji oleh majikan.*penerima upah/);
    expect(c.kept).toBe(before);
    expect(c.say('sopir angkot')).toContain('berjualan');
  });
});

describe('issue #8 item 18: a vendor under 18 enrols with a parent or guardian', () => {
  const NIK_GIRL = '3174015708100001'; // born 17-08-2010: 16 on 25 Nov 2026

  it('asks the guardian\'s name and their yes, and records both in a consent', () => {
    const c = chatAt('tanggal_lahir', NIK_GIRL);
    expect(c.say('17-08-2010')).toContain('belum 18 tahun');
    expect(c.state).toBe('wali_nama');
    expect(c.say('bapak slamet riyadi')).toContain('SLAMET RIYADI');
    expect(c.say('ya')).toContain('ibu kandung');
    const consents = c.world.effects.filter((e) => e.type === 'recordConsent');
    expect(consents.at(-1)?.payload).toMatchObject({ granted: true, details: { givenBy: 'guardian', guardianName: 'SLAMET RIYADI' } });
  });

  it('without the guardian\'s yes nothing goes further, and the refusal is recorded', () => {
    const c = chatAt('tanggal_lahir', NIK_GIRL);
    c.say('17-08-2010');
    c.say('Sri Wahyuni');
    expect(c.say('tidak')).toContain('Tanpa izin orang tua atau wali');
    expect(c.status).toBe('done');
    expect(c.world.effects.filter((e) => e.type === 'recordConsent').at(-1)?.payload).toMatchObject({ granted: false, details: { guardianName: 'SRI WAHYUNI' } });
  });

  it('an adult is not asked for a guardian', () => {
    const c = chatAt('tanggal_lahir');
    expect(c.say('17 agustus 1985')).toContain('ibu kandung');
  });
});

describe('issue #8 item 19: without a cutoff day in the data, cover starts in the month of registration', () => {
  it('says the first month in the periode question, the summary and the closing text; the bill is due at the next due date', () => {
    const { firstMonthCutoffDay: _cutoff, ...rates } = flow.data.rates;
    const noCutoff = compileFlow(flow.script, { version: 1, catalogs: flow.catalogs, data: { ...flow.data, rates } });
    const answers = enrolmentAnswers(NIK_WOMAN);
    const d = new PureChat(noCutoff, fakeWorld(), NOW);
    for (const answer of answers.slice(0, answers.indexOf('1'))) d.say(answer);
    expect(d.say('1')).toContain('Iuran pertama untuk bulan November 2026');
    d.say('1');
    expect(d.say('mandiri')).toContain('mulai November 2026');
    const done = d.say('ya');
    // 16 Nov (the 15th was a Sunday) had passed on the 25th: the first bill is due on the next due date.
    expect(done).toContain('15 Desember 2026');
    expect(done).toContain('Perlindungan untuk bulan November 2026');
    expect(d.world.registered[0]).toMatchObject({ bill: { startMonth: '2026-11', months: 1, amount: 13_400, dueDate: '2026-12-15' } });
  });
});
