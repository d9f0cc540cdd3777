import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData } from '../../src/runtime/reference-data.ts';
import type { ReferenceData } from '../../src/domain/reference-data-types.ts';
import { FlowError } from '../../src/lib/errors.ts';

describe('loadReferenceData', () => {
  let data: ReferenceData;
  beforeAll(async () => {
    data = await loadReferenceData('flows/data');
  });

  it('reads the 38 provinces and 514 regencies of idn-area-data', () => {
    expect(data.provinces).toHaveLength(38);
    expect(data.regencies).toHaveLength(514);
    expect(data.provinceCodes.size).toBe(38);
    expect(data.regencyCodes.size).toBe(514);
    expect(data.provinces[0]).toEqual({ code: '11', name: 'Aceh' });
    expect(data.regencies.find((r) => r.code === '72.04')).toEqual({ code: '72.04', provinceCode: '72', name: 'Kabupaten Toli-Toli' });
    expect([...data.provinceCodes].sort()).toEqual('11 12 13 14 15 16 17 18 19 21 31 32 33 34 35 36 51 52 53 61 62 63 64 65 71 72 73 74 75 76 81 82 91 92 93 94 95 96'.split(' '));
  });

  it('builds a region index in which "jaksel" resolves', () => {
    expect(data.regions.matchRegency('jaksel')).toEqual({ kind: 'match', region: { code: '31.74', name: 'Kota Administrasi Jakarta Selatan', provinceCode: '31' } });
    expect(data.regions.matchProvince('jaksel')).toEqual({ kind: 'match', region: { code: '31', name: 'Daerah Khusus Ibukota Jakarta' } });
  });

  it('loads the 33 tiers and the rules of iuran.yaml', () => {
    expect(data.rates.tiers).toHaveLength(33);
    expect(data.rates.tiers[32]).toEqual({ from: 20_200_000, base: 20_700_000 });
    expect(data.rates.discounts.map((d) => d.id)).toEqual(['pp-50-2025', 'pp-50-2025-transport']);
  });

  it('loads the reminder rules of pengingat.yaml, each with a text in the locales', () => {
    expect(data.reminders.rules.map((r) => r.id)).toEqual(['h-7', 'h-3', 'h-1', 'h0', 'h+3', 'h+7', 'mingguan']);
    expect(data.reminders.quietHours).toEqual({ startHour: 8, endHour: 20 });
  });

  it('loads the occupations with their sectors', () => {
    expect(data.occupations.find((o) => o.code === 'pkl')).toMatchObject({ label: 'Pedagang kaki lima', sector: 'other' });
    expect(data.occupations.find((o) => o.code === 'ojek_online')?.sector).toBe('transport');
  });
});

describe('loadReferenceData with broken files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'payung-refdata-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function brokenCopy(name: string, edit: (text: string) => string): Promise<string> {
    const target = join(dir, name.replace(/\W/g, '_'));
    await cp('flows/data', target, { recursive: true });
    const file = join(target, name);
    await writeFile(file, edit(await readFile(file, 'utf8')));
    return target;
  }

  async function problemsOf(target: string): Promise<readonly { file: string; line: number; message: string }[]> {
    const error = await loadReferenceData(target).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(FlowError);
    return (error as FlowError).issues;
  }

  it('names the file, line and field of a schema problem', async () => {
    const target = await brokenCopy('iuran.yaml', (t) => t.replace('jkmMonthly: 6800', 'jkmMonthly: -1'));
    const issues = await problemsOf(target);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.file).toBe(join(target, 'iuran.yaml'));
    expect(issues[0]?.message).toMatch(/^jkmMonthly: /);
    const line = (await readFile(join(target, 'iuran.yaml'), 'utf8')).split('\n').findIndex((l) => l.startsWith('jkmMonthly')) + 1;
    expect(issues[0]?.line).toBe(line);
  });

  it('reports a YAML syntax error with its line', async () => {
    const target = await brokenCopy('pekerjaan.yaml', (t) => `${t}\n  - code: [unclosed\n`);
    const issues = await problemsOf(target);
    expect(issues[0]?.file).toBe(join(target, 'pekerjaan.yaml'));
    expect(issues[0]?.message).toMatch(/^YAML: /);
    expect(issues[0]?.line).toBeGreaterThan(1);
  });

  it('names an alias that points at a code that does not exist', async () => {
    const target = await brokenCopy('wilayah-alias.yaml', (t) => t.replace("jaksel: '31.74'", "jaksel: '31.99'"));
    const issues = await problemsOf(target);
    expect(issues.map((i) => i.message)).toEqual(['regencies.jaksel: no regency has code 31.99']);
    const line = (await readFile(join(target, 'wilayah-alias.yaml'), 'utf8')).split('\n').findIndex((l) => l.includes("jaksel: '31.99'")) + 1;
    expect(issues[0]?.line).toBe(line);
  });

  it('names a missing file', async () => {
    const target = join(dir, 'missing');
    await cp('flows/data', target, { recursive: true });
    await rm(join(target, 'iuran.yaml'));
    const issues = await problemsOf(target);
    expect(issues[0]?.file).toBe(join(target, 'iuran.yaml'));
    expect(issues[0]?.message).toMatch(/^cannot read/);
  });
});
