import { describe, expect, it } from 'vitest';
import type { ReminderRules } from '../../../src/domain/reminder-rules.ts';
import { lintReminderTexts } from '../../../src/runtime/reminders/lint-reminder-texts.ts';
import { lintReferenceData, readFlowFiles } from '../../../src/runtime/flow-files.ts';

const rules: ReminderRules = {
  version: 't', sendHour: 9, quietHours: { startHour: 8, endHour: 20 }, holidays: [],
  rules: [
    { id: 'h-7', offsetDays: -7, localeKey: 'pengingat.h_min_7' },
    { id: 'mingguan', everyDays: 7, after: 7, localeKey: 'pengingat.mingguan' },
  ],
};
const fixed = {
  'pengingat.menu.sudah_bayar': 'Sudah bayar', 'pengingat.menu.cara_bayar': 'Cara bayar', 'pengingat.menu.cek': 'Cek iuran',
  'pengingat.menu.berhenti': 'Berhenti pengingat', 'pengingat.total_tagihan': 'Semua: {jumlah} ({banyak} tagihan)',
};
const id = { ...fixed, 'pengingat.h_min_7': 'Halo {nama}, {tagihan.jumlah} jatuh tempo {tagihan.jatuh_tempo}, kode {tagihan.kode}.', 'pengingat.mingguan': 'Belum dibayar: {tagihan.jumlah} (jatuh tempo {tagihan.jatuh_tempo}), kode {tagihan.kode}.' };
const localeFiles = { id: 'locales/id.yaml', en: 'locales/en.yaml' };
const lint = (catalogs: Record<string, Record<string, string>>, r: ReminderRules = rules) =>
  lintReminderTexts({ rules: r, file: 'flows/data/pengingat.yaml', lineOf: (path) => (path[1] === 1 ? 22 : 21), catalogs, localeFiles });

describe('lintReminderTexts', () => {
  it('finds nothing when every rule\'s text is there and uses what a reminder knows', () => {
    expect(lint({ id, en: { ...id, 'pengingat.mingguan': 'Unpaid: {tagihan.jumlah} (due {tagihan.jatuh_tempo}), code {tagihan.kode}.' } })).toEqual([]);
  });

  it('names the rule and its line when its text is not in the source locale', () => {
    const r = { ...rules, rules: [rules.rules[0]!, { id: 'mingguan', everyDays: 7, after: 7, localeKey: 'pengingat.mingguan_baru' }] };
    expect(lint({ id }, r)).toEqual([{
      file: 'flows/data/pengingat.yaml', line: 22, severity: 'error',
      message: 'rule mingguan uses the text "pengingat.mingguan_baru", which is not in locales/id.yaml',
    }]);
  });

  it('refuses a placeholder a reminder cannot fill, in any locale', () => {
    const issues = lint({ id, en: { ...id, 'pengingat.mingguan': 'Unpaid: {tagihan.jumlah} since {tagihan.sejak}, due {tagihan.jatuh_tempo}, code {tagihan.kode}.' } });
    expect(issues).toEqual([{
      file: 'locales/en.yaml', line: 1, severity: 'error',
      message: '"pengingat.mingguan" (rule mingguan) uses {tagihan.sejak}, which a reminder cannot fill: it fills {nama}, {tagihan.jumlah}, {tagihan.jatuh_tempo}, {tagihan.kode}',
    }]);
  });

  it('checks the texts every reminder adds: the reply buttons and the arrears total', () => {
    const { 'pengingat.menu.cek': _cek, ...withoutButton } = id;
    expect(lint({ id: { ...withoutButton, 'pengingat.total_tagihan': 'Semua: {jumlah} sejak {bulan}' } }).map((i) => i.message)).toEqual([
      'every reminder uses the text "pengingat.menu.cek", which is not in locales/id.yaml',
      '"pengingat.total_tagihan" (every reminder) uses {bulan}, which a reminder cannot fill: it fills {jumlah}, {banyak}',
    ]);
  });

  it('warns when a rule\'s text leaves out the amount, the due date or the code', () => {
    expect(lint({ id: { ...id, 'pengingat.mingguan': 'Belum dibayar: {tagihan.jumlah}.' } })).toEqual([{
      file: 'locales/id.yaml', line: 1, severity: 'warning',
      message: '"pengingat.mingguan" (rule mingguan, flows/data/pengingat.yaml:22) does not say {tagihan.jatuh_tempo}, {tagihan.kode}: a reminder should give the amount, the due date and the code',
    }]);
  });
});

describe('the repository\'s reminder rules and locales', () => {
  it('have no problem and no warning', async () => {
    const files = await readFlowFiles('flows', 'locales');
    expect(await lintReferenceData('flows', files)).toEqual([]);
  });
});
