import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledFlow } from '../../src/engine/compile-flow.ts';
import { fakeWorld, PureChat, repositoryFlows } from '../helpers/pure-chat.ts';

// 25 Nov 2026, 10:00 WIB: after the 15th, so the first contribution month is December 2026,
// the last month of the PP 50/2025 discount for non-transport workers.
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

    const question = c.send('2 juta').at(-1);
    const programmes = question?.text ?? '';
    // Income Rp2.000.000 → dasar Rp2.000.000: JKK Rp20.000 + JKM Rp6.800 = Rp26.800, halved in Dec 2026.
    // The prices are on the options (a list is shown once, below the text).
    expect(question?.choices).toEqual(['JKK + JKM (Rp13.400/bulan)', 'JKK + JKM + JHT (Rp53.400/bulan)']); // + JHT Rp40.000, never discounted
    expect(programmes).toContain('50%');
    expect(programmes).toContain('Desember 2026');
    expect(programmes).toContain('Rp26.800');

    const periods = c.say('1');
    expect(periods).toContain('Desember 2026');
    expect(c.send('1').length).toBeGreaterThan(0); // 1 month
    const summary = c.say('mandiri');
    expect(summary).toContain('1. Nama: SITI AMINAH');
    expect(summary).toContain('3174********0001');
    expect(summary).not.toContain(NIK_WOMAN);
    expect(summary).toContain('Kota Administrasi Jakarta Selatan');
    expect(summary).toContain('Rp13.400');

    const done = c.say('ya');
    expect(done).toContain('Selamat, SITI AMINAH');
    expect(done).toContain('PY12345678903');
    expect(done).toContain('Rp13.400');
    expect(done).toContain('15 Desember 2026');
    expect(c.status).toBe('done');
    expect(c.world.registered).toHaveLength(1);
    expect(c.world.registered[0]).toMatchObject({
      fullName: 'SITI AMINAH', nik: NIK_WOMAN, sex: 'P', birthDate: '1985-08-17', motherMaidenName: null,
      provinceCode: '31', regencyCode: '31.74', sector: 'other', declaredIncome: 2_000_000, baseIncome: 2_000_000,
      programmes: ['JKK', 'JKM'], paymentPeriodMonths: 1, funding: 'mandiri',
      bill: { startMonth: '2026-12', months: 1, amount: 13_400, dueDate: '2026-12-15' },
    });
  });
});
