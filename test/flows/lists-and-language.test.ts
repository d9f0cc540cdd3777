import { beforeAll, describe, expect, it } from 'vitest';
import { renderReplyForTerminal } from '../../src/channels/simulator/render.ts';
import { renderTelegramReply } from '../../src/channels/telegram/render.ts';
import { renderWhatsAppText } from '../../src/channels/whatsapp-web/render.ts';
import type { CompiledFlow } from '../../src/engine/compile-flow.ts';
import { listedOptions } from '../../src/engine/lint-listed-options.ts';
import { readFlowFiles } from '../../src/runtime/flow-files.ts';
import { enrolmentAnswers } from '../helpers/enrolment-script.ts';
import { fakeWorld, GRACE_ACCOUNT, PureChat, repositoryFlows } from '../helpers/pure-chat.ts';

const NOW = new Date('2026-11-25T03:00:00Z');
const NIK = '3174015708850001';
const ANSWERS = enrolmentAnswers(NIK);

let flow: CompiledFlow;
let menu: CompiledFlow;
beforeAll(async () => {
  const flows = (await repositoryFlows()).flows;
  flow = flows.get('pendaftaran') as CompiledFlow;
  menu = flows.get('pengingat') as CompiledFlow;
});

/** A chat that has sent the shared enrolment script's answers up to (not including) `before`. */
function chatBefore(before: string): PureChat {
  const chat = new PureChat(flow, fakeWorld(), NOW);
  for (const answer of ANSWERS.slice(0, ANSWERS.indexOf(before))) chat.send(answer);
  return chat;
}

describe('each list is shown once, numbered, on every channel', () => {
  it('the programme question names no option in its text: the options below it carry the prices', () => {
    const chat = chatBefore('tidak'); // no staff: both packages are offered
    const replies = chat.send('tidak');
    expect(chat.state).toBe('program');
    const question = replies.at(-1);
    expect(question?.text).not.toMatch(/^\s*\d\. /mu);
    expect(question?.choices).toEqual(['JKK + JKM (Rp13.400/bulan)', 'JKK + JKM + JHT (Rp53.400/bulan)']);
    // In the terminal, on whatsapp-web.js and on Telegram, "JKK + JKM + JHT" appears once.
    for (const shown of [renderReplyForTerminal(question ?? { text: '' }), renderWhatsAppText(question ?? { text: '' })]) {
      expect(shown.match(/JKK \+ JKM \+ JHT/gu)).toHaveLength(1);
      expect(shown).toContain('2. JKK + JKM + JHT (Rp53.400/bulan)');
    }
    const telegram = renderTelegramReply(question ?? { text: '' });
    expect(telegram.text).not.toContain('JKK + JKM + JHT');
    expect(JSON.stringify(telegram.extra)).toContain('"2. JKK + JKM + JHT (Rp53.400/bulan)"');
  });

  it('holds every question of every flow in flows/ to it (the linter says so too)', async () => {
    const files = await readFlowFiles('flows', 'locales');
    for (const f of files.flows) expect(listedOptions(f.script, files.catalogs)).toEqual([]);
    expect(files.issues.filter((i) => i.message.includes('lists its options'))).toEqual([]);
  });

  it('finds a question that lists its options in its text', () => {
    const script = { ...flow.script, states: { ...flow.script.states } };
    const catalogs = { id: { ...flow.catalogs['id'], 'pendaftaran.program.tanya': 'Pilih:\n1. JKK + JKM\n2. JHT' } };
    expect(listedOptions(script, catalogs)).toEqual([{ state: 'program', key: 'pendaftaran.program.tanya', lang: 'id', line: '1. JKK + JKM' }]);
  });
});

describe('a number means the option shown with that number', () => {
  it('"3" at the period question is the third option shown, 6 bulan; "3 bulan" in words is 3 months', () => {
    const chat = chatBefore('3 bulan');
    expect(chat.state).toBe('periode');
    chat.send('3');
    expect(chat.answers['periode']).toBe('6');
    const words = chatBefore('3 bulan');
    words.send('3 bulan');
    expect(words.answers['periode']).toBe('3');
  });

  it('a tapped Telegram button ("2. Tidak", "1. Pedagang kaki lima") is the option it shows', () => {
    const chat = new PureChat(flow, fakeWorld(), NOW);
    chat.send('halo');
    expect(chat.say('2. Tidak')).toContain('Kami tidak menyimpan data Anda');
    const job = chatBefore('pkl');
    expect(job.state).toBe('pekerjaan');
    job.send('1. Pedagang kaki lima');
    expect(job.state).toBe('tempat_usaha');
    expect(job.answers['pekerjaan']).toBe('pkl');
  });
});

describe('bahasa / language', () => {
  it('mid-enrolment, "bahasa" then "2" switches to English and repeats the question; the next question is English', () => {
    const chat = chatBefore('Siti Aminah');
    expect(chat.state).toBe('nama');
    const [menuReply, ...rest] = chat.send('bahasa');
    expect(rest).toEqual([]);
    expect(menuReply).toEqual({ text: expect.stringContaining('Choose a language'), choices: ['Bahasa Indonesia', 'English'] });
    expect(chat.say('2')).toBe("OK, we'll continue in English. Type LANGUAGE to change it again.\n---\nWhat is your full name, as on your KTP (ID card)?");
    expect(chat.say('Siti Aminah')).toBe("What is your NIK? It's the 16-digit number on your KTP (ID card).");
    expect(chat.answers['nama']).toBe('SITI AMINAH');
  });

  it('"english" switches at once, "language" + "indonesia" switches back; answers are kept', () => {
    const chat = chatBefore('jabar');
    expect(chat.say('english')).toContain('Which province do you live in');
    // Province names in English are understood.
    expect(chat.say('west java')).toContain('Which regency or city');
    expect(chat.answers['provinsi']).toBe('32');
    chat.send('language');
    expect(chat.say('indonesia')).toBe('Baik, kita pakai Bahasa Indonesia. Ketik BAHASA untuk mengganti lagi.\n---\nDi kabupaten atau kota mana? Contoh: Kota Bandung atau Kabupaten Bogor.');
  });

  it.each([['east java', '35'], ['central java', '33'], ['jakarta', '31'], ['south sulawesi', '73']])('"%s" at the province question is %s', (typed, code) => {
    const chat = chatBefore('jabar');
    chat.send('english');
    chat.send(typed);
    expect(chat.answers['provinsi']).toBe(code);
  });

  it('a word that is no language shows the menu again and changes nothing', () => {
    const chat = chatBefore('Siti Aminah');
    chat.send('bahasa');
    expect(chat.send('jawa')).toEqual([{ text: expect.stringContaining('1 atau 2'), choices: ['Bahasa Indonesia', 'English'] }]);
    expect(chat.say('1')).toContain('Siapa nama lengkap Anda');
  });

  it('works in the member menu too', () => {
    const world = fakeWorld();
    world.account = GRACE_ACCOUNT;
    const chat = new PureChat(menu, world, NOW);
    expect(chat.say('english')).toContain("OK, we'll continue in English");
    expect(chat.say('1')).toContain('Thank you for paying');
  });
});
