import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPayung } from '../../helpers/run-payung.ts';

/** `payung flows lint` as an admin meets it after a typo: one message, at the line, with a hint. */
async function copyOfRepository(): Promise<{ flows: string; locales: string; env: Record<string, string> }> {
  const dir = await mkdtemp(join(tmpdir(), 'payung-lint-msg-'));
  await cp('flows', join(dir, 'flows'), { recursive: true });
  await cp('locales', join(dir, 'locales'), { recursive: true });
  const env = { PAYUNG_FLOWS_DIR: join(dir, 'flows'), PAYUNG_LOCALES_DIR: join(dir, 'locales'), PAYUNG_DATA_DIR: join(dir, 'data') };
  return { flows: join(dir, 'flows'), locales: join(dir, 'locales'), env };
}

async function edit(file: string, from: string, to: string): Promise<number> {
  const text = await readFile(file, 'utf8');
  if (!text.includes(from)) throw new Error(`"${from}" is not in ${file}`);
  await writeFile(file, text.replace(from, to));
  return text.slice(0, text.indexOf(from)).split('\n').length;
}

// Each test starts real `payung` processes, each opening an embedded PGlite (initdb: seconds,
// over a minute on a loaded 2-core machine): a generous limit, so load alone never fails them.
describe('payung flows lint, after an admin\'s typo', { timeout: 240_000 }, () => {
  it('reports one bad space in id.yaml once, at its line and column, without a cascade', async () => {
    const repo = await copyOfRepository();
    const line = await edit(join(repo.locales, 'id.yaml'), '\n  kosong: "Pesannya', '\n   kosong: "Pesannya');
    const result = await runPayung(['flows', 'lint'], repo.env);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    // The indented key is the line after `line`; YAML notices it at the next key, which no longer lines up.
    expect(lines[0]).toMatch(new RegExp(`locales/id\\.yaml:${line + 2}:1: error: YAML: All mapping items must start at the same column`));
    expect(result.stdout).not.toContain('missing');
  });

  it('refuses to publish anything while a locale file does not parse: start stops instead of sending [keys]', async () => {
    const repo = await copyOfRepository();
    await edit(join(repo.locales, 'id.yaml'), '\n  kosong: "Pesannya', '\n   kosong: "Pesannya');
    const chat = await runPayung(['chat'], repo.env, 'halo\n');
    expect(chat.code).not.toBe(0);
    expect(chat.stdout).not.toContain('[pendaftaran.');
    expect(chat.stderr).toContain('All mapping items must start at the same column');
  });

  it('names a mistyped state once, with the state it probably meant, and no unreachable cascade', async () => {
    const repo = await copyOfRepository();
    const line = await edit(join(repo.flows, 'pendaftaran.yaml'), '    next: nik\n', '    next: nikk\n');
    const result = await runPayung(['flows', 'lint'], repo.env);
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`flows/pendaftaran\\.yaml:${line}: error: go: "nikk" is not a state of this flow \\(did you mean "nik"\\?\\)`)),
    ]);
  });

  it('calls a placeholder typo an error, at the locale line, with the placeholder it probably meant', async () => {
    const repo = await copyOfRepository();
    const line = await edit(join(repo.locales, 'en.yaml'), 'Agent code {agen.kode}', 'Agent code {agen.kod}');
    const result = await runPayung(['flows', 'lint'], repo.env);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`locales/en\\.yaml:${line}: error: "pendaftaran\\.agen\\.dikenal" uses \\{agen\\.kod\\}, which no answer or view of flow pendaftaran fills \\(did you mean "agen\\.kode"\\?\\)`));
  });

  it('puts a key missing from en.yaml at its group\'s line there and names the line in id.yaml', async () => {
    const repo = await copyOfRepository();
    await edit(join(repo.locales, 'en.yaml'), '\n  bukan_peserta:', '\n  bukan_peserta_lama:');
    const result = await runPayung(['flows', 'lint'], repo.env);
    expect(result.stdout).toMatch(/locales\/en\.yaml:\d+: error: missing "akun\.bukan_peserta" \(present in .*locales\/id\.yaml:\d+\)/);
    expect(result.stdout).not.toMatch(/en\.yaml:1: /);
  });
});
