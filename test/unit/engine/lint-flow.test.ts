import { describe, expect, it } from 'vitest';
import { lintFlow } from '../../../src/engine/lint-flow.ts';
import { parseFlowSource } from '../../../src/engine/parse-flow-source.ts';
import { SYSTEM_KEYS } from '../../../src/engine/system-keys.ts';

const systemTexts = Object.fromEntries(SYSTEM_KEYS.map((k) => [k, 'x']));
const catalogs = {
  id: { ...systemTexts, 'f.a': 'A', 'f.b': 'B', 'galat.yes_no.invalid': 'ya/tidak?' },
  en: { ...systemTexts, 'f.a': 'A', 'galat.yes_no.invalid': 'yes/no?' },
};
const localeFiles = { id: 'locales/id.yaml', en: 'locales/en.yaml' };

function lint(yaml: string) {
  const parsed = parseFlowSource('flows/t.yaml', yaml);
  if (!parsed.script) return parsed.issues;
  return lintFlow({ file: 'flows/t.yaml', script: parsed.script, lineOf: parsed.lineOf, catalogs, localeFiles });
}

const ok = `spec: 1
id: t
start: a
states:
  a:
    say: f.a
    ask: { type: yes_no, save: x }
    next:
      - when: yes
        go: done
      - go: a
  done:
    say: f.a
    end: true
`;

describe('lintFlow', () => {
  it('passes a sound script', () => {
    expect(lint(ok)).toEqual([]);
  });

  it('checks the guard an option is offered under', () => {
    const script = `spec: 1
id: t
start: a
states:
  a:
    say: f.a
    ask:
      type: choice
      options:
        - { value: x, label: f.a, when: { result_is: { effect: cekIuran, field: reminders, value: true } } }
        - { value: y, label: f.a, when: nonsense }
    next: done
  done:
    say: f.a
    end: true
`;
    const guardIssues = lint(script).filter((i) => i.message.startsWith('unknown guard'));
    expect(guardIssues.map((i) => i.message)).toEqual([expect.stringContaining('unknown guard "nonsense"')]);
  });

  it('checks system_texts: the left side must be a text the engine says, the right side in every locale', () => {
    const script = ok.replace('start: a\n', 'start: a\nsystem_texts:\n  sistem.batal.tanya: f.b\n  sistem.tidak.ada: f.a\n');
    expect(lint(script)).toEqual([
      expect.objectContaining({ severity: 'error', line: 6, message: '"sistem.tidak.ada" is not a text the engine says (see src/engine/system-keys.ts)' }),
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('"f.b"') }),
    ]);
  });

  it('requires personal: true on a question that reads a NIK, a name or a birth date', () => {
    const nik = ok.replace('ask: { type: yes_no, save: x }', 'ask: { type: nik, save: x }');
    expect(lint(nik).filter((i) => i.message.includes('personal'))).toEqual([
      expect.objectContaining({ severity: 'error', line: 7, message: 'a nik answer is personal data: add personal: true, so it is kept only in the sealed snapshot' }),
    ]);
    expect(lint(nik.replace('save: x }', 'save: x, personal: true }')).filter((i) => i.message.includes('personal'))).toEqual([]);
  });

  it('reports YAML syntax errors with their line', () => {
    const issues = lint('spec: 1\nid: t\nstates:\n  a: [unclosed\n');
    expect(issues[0]).toMatchObject({ file: 'flows/t.yaml', severity: 'error' });
    expect(issues[0]?.message).toMatch(/^YAML/);
  });

  it('refuses a spec newer than the code', () => {
    expect(lint(ok.replace('spec: 1', 'spec: 99'))[0]?.message).toMatch(/newer than this Payung/);
  });

  it('reports shape errors at the line of the offending key', () => {
    const issues = lint(ok.replace('ask: { type: yes_no, save: x }', 'ask: { type: yes_no, save: X-bad }'));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.line).toBe(7);
  });

  it('finds unknown targets, dead ends, unreachable states and missing fallbacks', () => {
    const issues = lint(`spec: 1
id: t
start: a
states:
  a:
    say: f.a
    ask: { type: yes_no }
    next:
      - when: yes
        go: nowhere
  stuck:
    say: f.a
  done:
    say: f.a
    end: true
`);
    const messages = issues.map((i) => `${i.line}: ${i.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^9: go: "nowhere" is not a state/));
    expect(messages).toContainEqual(expect.stringMatching(/^8: .*needs no "when"/));
    expect(messages).toContainEqual(expect.stringMatching(/^11: state "stuck" is a dead end/));
    // Reachability waits until every go: names a state: one typo would make the rest "unreachable".
    expect(messages.filter((m) => m.includes('can never be reached'))).toEqual([]);

    const reachable = lint(`spec: 1
id: t
start: a
states:
  a:
    say: f.a
    ask: { type: yes_no }
    next: a
  stuck:
    say: f.a
    next: done
  done:
    say: f.a
    end: true
`).map((i) => i.message);
    expect(reachable).toContainEqual(expect.stringMatching(/"stuck" can never be reached/));
    expect(reachable).toContainEqual(expect.stringMatching(/"done" can never be reached/));
  });

  it('suggests the name an admin probably meant', () => {
    const issues = lint(ok.replace('go: done', 'go: dnoe').replace('type: yes_no', 'type: yes_mo')).map((i) => i.message);
    expect(issues).toContainEqual('go: "dnoe" is not a state of this flow (did you mean "done"?)');
    expect(issues).toContainEqual(expect.stringMatching(/^unknown input type "yes_mo" \(did you mean "yes_no"\?\); known: /));
  });

  it('calls a placeholder that no answer or view fills an error, in the locale that has it', () => {
    const parsed = parseFlowSource('flows/t.yaml', ok);
    const withTypo = { id: { ...catalogs.id, 'f.a': 'Halo {x} dari {agen.kod}' }, en: { ...catalogs.en, 'f.a': 'Hi {x}, {ringkasan}' } };
    const issues = lintFlow({ file: 'flows/t.yaml', script: parsed.script!, lineOf: parsed.lineOf, catalogs: withTypo, localeFiles });
    expect(issues).toEqual([{
      file: 'locales/id.yaml', line: 1, severity: 'error',
      message: '"f.a" uses {agen.kod}, which no answer or view of flow t fills (did you mean "agen.kode"?)',
    }]);
  });

  it('finds unknown input types, guards, validators and effects', () => {
    const issues = lint(`spec: 1
id: t
start: a
states:
  a:
    ask: { type: telepati, validate: [magic] }
    next:
      - when: maybe
        do: [launchRocket]
        go: b
      - go: b
  b:
    run: { registerMember: {} }
    next: done
  done:
    end: true
`);
    const text = issues.map((i) => i.message).join('\n');
    expect(text).toMatch(/unknown input type "telepati"/);
    expect(text).toMatch(/unknown validator "magic"/);
    expect(text).toMatch(/unknown guard "maybe"/);
    expect(text).toMatch(/unknown effect "launchRocket"/);
    expect(text).toMatch(/effect registerMember needs the answer "nama"/);
  });

  it('finds texts missing in any locale, naming the locale file', () => {
    const issues = lint(ok.replace('  done:\n    say: f.a', '  done:\n    say: f.b'));
    expect(issues).toEqual([expect.objectContaining({ line: 13, severity: 'error', message: 'text "f.b" is missing in locales/en.yaml' })]);
  });

  it('finds loops of states that never wait for the vendor', () => {
    const issues = lint(`spec: 1
id: t
start: a
states:
  a:
    next: b
  b:
    next:
      - when: has_referral
        go: a
      - go: done
  done:
    end: true
`);
    expect(issues.map((i) => i.message).join()).toMatch(/loop without asking anything/);
  });
});
