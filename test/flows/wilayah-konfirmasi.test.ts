import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledFlow } from '../../src/engine/compile-flow.ts';
import { enrolmentAnswers, testNik } from '../helpers/enrolment-script.ts';
import { fakeWorld, PureChat, repositoryFlows } from '../helpers/pure-chat.ts';

const NOW = new Date('2026-11-25T03:00:00Z');

let flow: CompiledFlow;
beforeAll(async () => {
  const found = (await repositoryFlows()).flows.get('pendaftaran');
  if (!found) throw new Error('flows/pendaftaran.yaml did not compile');
  flow = found;
});

/** A vendor who has answered up to the province question, then answers it with `province`. */
function atRegency(province: string): PureChat {
  const c = new PureChat(flow, fakeWorld(), NOW);
  const script = enrolmentAnswers(testNik(1));
  const provinceAt = script.indexOf('jabar');
  for (const answer of script.slice(0, provinceAt)) c.send(answer);
  expect(c.state).toBe('provinsi');
  c.send(province);
  expect(c.state).toBe('kabupaten');
  return c;
}

describe('a region typed loosely is asked back before it is stored (issue #8 item 20)', () => {
  it('"bengkulu sellatan" asks "Kabupaten Bengkulu Selatan, betul?" and "ya" stores it', () => {
    const c = atRegency('bengkulu');
    const asked = c.send('bengkulu sellatan');
    expect(asked.map((r) => r.text).join('\n')).toContain('Kabupaten Bengkulu Selatan, betul?');
    expect(asked.at(-1)?.choices).toEqual(['Ya', 'Tidak']);
    expect(c.state).toBe('kabupaten');
    expect(c.answers['kabupaten']).toBeUndefined();
    expect(c.say('ya')).toContain('pekerjaan');
    expect(c.answers['kabupaten']).toBe('17.01');
  });

  it('"tidak" asks the question again and stores nothing; the next answer is read afresh', () => {
    const c = atRegency('bengkulu');
    c.send('bengkulu sellatan');
    const again = c.say('tidak');
    expect(again).toContain('ketik lagi');
    expect(again).toContain('kabupaten atau kota');
    expect(c.state).toBe('kabupaten');
    expect(c.answers['kabupaten']).toBeUndefined();
    expect(c.say('ya')).not.toContain('pekerjaan'); // nothing is pending any more
    expect(c.answers['kabupaten']).toBeUndefined();
    c.send('kota bengkulu');
    expect(c.answers['kabupaten']).toBe('17.71');
  });

  it('takes the numbers of the buttons: 1 is yes, 2 is no', () => {
    const yes = atRegency('bengkulu');
    yes.send('bengkulu sellatan');
    yes.send('1');
    expect(yes.answers['kabupaten']).toBe('17.01');
    const no = atRegency('bengkulu');
    no.send('bengkulu sellatan');
    expect(no.say('2')).toContain('kabupaten atau kota');
    expect(no.answers['kabupaten']).toBeUndefined();
  });

  it('reads another name typed instead of yes or no as a fresh answer', () => {
    const c = atRegency('bengkulu');
    c.send('bengkulu sellatan');
    expect(c.say('bengkulu utara')).toContain('pekerjaan');
    expect(c.answers['kabupaten']).toBe('17.03');
  });

  it('stores a name or a short form typed exactly without asking', () => {
    const c = atRegency('kaltim');
    expect(c.say('kukar')).toContain('pekerjaan');
    expect(c.answers['kabupaten']).toBe('64.02');
  });

  it('asks back a province typo too, and understands English province names', () => {
    const c = new PureChat(flow, fakeWorld(), NOW);
    const script = enrolmentAnswers(testNik(1));
    for (const answer of script.slice(0, script.indexOf('jabar'))) c.send(answer);
    expect(c.say('maluku utra')).toContain('Maluku Utara, betul?');
    expect(c.answers['provinsi']).toBeUndefined();
    expect(c.say('tidak')).toContain('provinsi');
    expect(c.say('west java')).toContain('kabupaten atau kota');
    expect(c.answers['provinsi']).toBe('32');
  });
});

describe('a NIK whose regency or district code is 00 is refused (issue #8 item 20)', () => {
  it.each([
    ['3100015708850001', 'kode kabupaten/kota'],
    ['3174005708850001', 'kode kecamatan'],
  ])('%s: says which digits are wrong and asks again', (nik, says) => {
    const c = new PureChat(flow, fakeWorld(), NOW);
    const script = enrolmentAnswers(nik);
    for (const answer of script.slice(0, script.indexOf(nik))) c.send(answer);
    const state = c.state;
    const reply = c.say(nik);
    expect(reply).toContain(says);
    expect(reply).toContain('tidak boleh 00');
    expect(c.state).toBe(state);
    expect(c.answers['nik']).toBeUndefined();
    expect(c.say(testNik(1))).toContain('tanggal lahir');
  });
});
