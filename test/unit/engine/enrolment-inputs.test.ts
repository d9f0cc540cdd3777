import { beforeAll, describe, expect, it } from 'vitest';
import { derivedAnswer } from '../../../src/engine/derive-answer.ts';
import { initialContext, type FlowContext } from '../../../src/engine/flow-context.ts';
import type { FlowEnv } from '../../../src/engine/flow-env.ts';
import type { AskSpec } from '../../../src/engine/flow-script.ts';
import { underAgeGuard } from '../../../src/engine/guards/age-guards.ts';
import { fullNameInput } from '../../../src/engine/inputs/full-name-input.ts';
import type { InputArgs, InputResult } from '../../../src/engine/inputs/input-type.ts';
import { nikInput } from '../../../src/engine/inputs/nik-input.ts';
import { occupationInput } from '../../../src/engine/inputs/occupation-input.ts';
import { occupationWordsInput } from '../../../src/engine/inputs/occupation-words-input.ts';
import { repositoryFlows } from '../../helpers/pure-chat.ts';

let env: FlowEnv;
beforeAll(async () => {
  const { data, flows } = await repositoryFlows();
  env = { data, catalogs: flows.get('pendaftaran')?.catalogs ?? {}, now: new Date('2026-11-25T03:00:00Z') };
});

function context(answers: FlowContext['answers'] = {}): FlowContext {
  return { ...initialContext({ lang: 'id', referral: null }), answers };
}

function read(input: { parse(args: InputArgs): InputResult }, text: string): InputResult {
  return input.parse({ text, ask: { type: 'x' }, context: context(), env, labelledStates: [] });
}

const answer = (result: InputResult) => (result.kind === 'answer' ? result.value : result);

describe('nik: the 16 digits out of a sentence (issue #8 item 5)', () => {
  it.each([
    'NIK saya 3374015708850001', 'nik: 3374-0157-0885-0001', 'ini nik sy 3374 0157 0885 0001 kak', 'NIK 3374.0157.0885.0001 ya', '3374015708850001',
  ])('%j', (text) => {
    expect(answer(read(nikInput, text))).toMatchObject({ nik: '3374015708850001', regencyCode: '33.74' });
  });

  it('a sentence with a short number says how many digits it has', () => {
    expect(read(nikInput, 'nik saya 33740157')).toEqual({ kind: 'invalid', error: 'nik.length', params: { got: 8 } });
  });

  it('a letter inside the number is still not digits', () => {
    expect(read(nikInput, '33740157O8850001')).toMatchObject({ kind: 'invalid', error: 'nik.not_digits' });
    expect(read(nikInput, 'nik saya 33740157O8850001')).toMatchObject({ kind: 'invalid', error: 'nik.not_digits' });
  });

  it('two 16-digit numbers in one message are not guessed between', () => {
    expect(read(nikInput, 'nik 3374015708850001 atau 3374015708850002')).toMatchObject({ kind: 'invalid' });
  });
});

describe('full_name: honorifics and "nama saya" are not the name (issue #8 item 5)', () => {
  it.each([
    ['ibu sri wahyuni', 'SRI WAHYUNI'], ['Bu Sri Wahyuni', 'SRI WAHYUNI'], ['bapak Slamet', 'SLAMET'], ['Pak. Budi Santoso', 'BUDI SANTOSO'],
    ['mas Joko', 'JOKO'], ['mbak Dewi', 'DEWI'], ['kak Rina', 'RINA'], ['nama saya Siti Aminah', 'SITI AMINAH'],
    ['Nama saya: Budi Santoso kak', 'BUDI SANTOSO'], ['nama lengkap saya adalah Dewi Lestari', 'DEWI LESTARI'], ['namaku joko', 'JOKO'],
    ['Siti Aminah', 'SITI AMINAH'], ["Ni Luh Putu Ayu", 'NI LUH PUTU AYU'],
  ])('%j → %s', (text, name) => {
    expect(answer(read(fullNameInput, text))).toBe(name);
  });

  it('an honorific alone is not emptied into nothing', () => {
    expect(answer(read(fullNameInput, 'ibu'))).toBe('IBU');
  });
});

describe('occupation: a short list on screen, the whole list by name', () => {
  it('numbers pick from the rows on screen', () => {
    const rows = occupationInput.choices?.({ ask: { type: 'occupation' }, context: context(), env, labelledStates: [] }) ?? [];
    expect(rows.at(-1)?.value).toBe('lainnya');
    expect(answer(read(occupationInput, '1'))).toBe('pkl');
    expect(answer(read(occupationInput, String(rows.length)))).toBe('lainnya');
    expect(read(occupationInput, String(rows.length + 1))).toMatchObject({ kind: 'invalid' });
  });

  it('a personal driver is told who registers them', () => {
    expect(read(occupationInput, 'sopir pribadi')).toEqual({ kind: 'invalid', error: 'pekerjaan.penerima_upah', params: { pekerjaan: 'Sopir pribadi' } });
    expect(read(occupationWordsInput, 'supir pribadi')).toMatchObject({ kind: 'invalid', error: 'pekerjaan.penerima_upah' });
  });

  it('a near miss is confirmed, offering Lainnya', () => {
    expect(read(occupationInput, 'tukang pijat')).toEqual({ kind: 'pick', options: [{ value: 'buruh_angkut', display: 'Buruh angkut pasar/kuli panggul' }, { value: 'lainnya', display: 'Lainnya' }] });
  });

  it('after Lainnya, words are matched to the whole list, else kept as typed', () => {
    expect(answer(read(occupationWordsInput, 'jualan online'))).toBe('penjual_online');
    expect(read(occupationWordsInput, 'guru ngaji')).toEqual({ kind: 'answer', value: 'lainnya', display: 'Guru ngaji' });
    expect(read(occupationWordsInput, 'xx')).toMatchObject({ kind: 'invalid', error: 'pekerjaan.kata' });
  });
});

describe('ask.derive (issue #8 item 5: skip a question already answered)', () => {
  const ask: AskSpec = {
    type: 'choice', save: 'tempat_usaha',
    options: [{ value: 'keliling', label: 'pendaftaran.tempat_usaha.keliling' }, { value: 'pasar_tradisional', label: 'pendaftaran.tempat_usaha.pasar' }],
    derive: { from: 'pekerjaan', values: { pedagang_keliling: 'keliling' } },
  };

  it('answers from the earlier answer, shown with the option\'s label', () => {
    expect(derivedAnswer('tempat_usaha', ask, context({ pekerjaan: 'pedagang_keliling' }), env.catalogs)).toEqual({ field: 'tempat_usaha', value: 'keliling', display: 'Keliling' });
  });

  it('asks when the earlier answer says nothing, when answered already, and when the vendor corrects it', () => {
    expect(derivedAnswer('tempat_usaha', ask, context({ pekerjaan: 'pkl' }), env.catalogs)).toBeNull();
    expect(derivedAnswer('tempat_usaha', ask, context({ pekerjaan: 'pedagang_keliling', tempat_usaha: 'pasar_tradisional' }), env.catalogs)).toBeNull();
    expect(derivedAnswer('tempat_usaha', ask, { ...context({ pekerjaan: 'pedagang_keliling' }), editTarget: 'tempat_usaha' }, env.catalogs)).toBeNull();
  });
});

describe('under_age guard (issue #8 item 18)', () => {
  const under18 = (birthDate: string, now: Date | undefined) =>
    underAgeGuard.test(context({ tanggal_lahir: birthDate }), { years: 18 }, { data: env.data, catalogs: env.catalogs, ...(now ? { now } : {}) });

  it('is true until the 18th birthday in the vendor\'s time zone', () => {
    const now = new Date('2026-11-25T03:00:00Z');
    expect(under18('2010-08-17', now)).toBe(true);
    expect(under18('2008-11-26', now)).toBe(true);
    expect(under18('2008-11-25', now)).toBe(false);
    expect(under18('1985-08-17', now)).toBe(false);
  });

  it('without the time of an event, says no rather than guess', () => {
    expect(under18('2010-08-17', undefined)).toBe(false);
  });
});
