import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPayung } from '../../helpers/run-payung.ts';

/** The real `payung` command, as an admin or a newcomer runs it. */
const payung = runPayung;

// Each test starts real `payung` processes, each opening an embedded PGlite (initdb: seconds,
// over a minute on a loaded 2-core machine): a generous limit, so load alone never fails them.
describe('payung flows lint', { timeout: 240_000 }, () => {
  it('says OK for the repository flows', async () => {
    const result = await payung(['flows', 'lint']);
    expect(result.stdout).toContain('OK: flows/pendaftaran.yaml');
    expect(result.code).toBe(0);
  });

  it('exits non-zero with file:line messages for a broken script', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'payung-lint-'));
    const broken = (await readFile('flows/pendaftaran.yaml', 'utf8'))
      .replace('    next: nik\n', '    next: nikk\n')
      .replace('type: money', 'type: uang');
    const file = join(dir, 'rusak.yaml');
    await writeFile(file, broken);
    const result = await payung(['flows', 'lint', file]);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/rusak\.yaml:\d+: error: go: "nikk" is not a state of this flow/));
    expect(lines).toContainEqual(expect.stringMatching(/rusak\.yaml:\d+: error: unknown input type "uang"/));
  });

  it('checks the reminder rules an admin edited against the locales, and start refuses them too', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'payung-rules-'));
    await cp('flows', join(dir, 'flows'), { recursive: true });
    const rulesFile = join(dir, 'flows', 'data', 'pengingat.yaml');
    await writeFile(rulesFile, (await readFile(rulesFile, 'utf8')).replace('localeKey: pengingat.h_min_3 }', 'localeKey: pengingat.h_min_3_baru }'));
    const env = { PAYUNG_FLOWS_DIR: join(dir, 'flows'), PAYUNG_DATA_DIR: join(dir, 'data') };
    const lint = await payung(['flows', 'lint'], env);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(/flows\/data\/pengingat\.yaml:23: error: rule h-3 uses the text "pengingat\.h_min_3_baru", which is not in locales\/id\.yaml/);
    const chat = await payung(['chat'], env, 'halo\n');
    expect(chat.code).not.toBe(0);
    expect(chat.stderr).toContain('pengingat.h_min_3_baru');
  });
});

// Each test starts real `payung` processes, each opening an embedded PGlite (initdb: seconds,
// over a minute on a loaded 2-core machine): a generous limit, so load alone never fails them.
describe('payung chat, scripted from standard input', { timeout: 240_000 }, () => {
  it('reads one vendor message per line and keeps the data between runs', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'payung-chat-'));
    const env = { PAYUNG_DATA_DIR: dataDir };
    const first = await payung(['chat', '--contact', 'budi'], env, 'halo\nya\n');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Payung> Halo!');
    expect(first.stdout).toContain('Siapa nama lengkap Anda');
    const second = await payung(['chat', '--contact', 'budi'], env, 'Siti Aminah\n');
    expect(second.stdout).toContain('Berapa NIK Anda?');
  });

  it('takes a line with a NUL like any other: exits 0, no SQL, no stack', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'payung-chat-'));
    const chat = await payung(['chat', '--contact', 'x'], { PAYUNG_DATA_DIR: dataDir }, 'halo\nya\0\n');
    expect(chat.stderr).not.toMatch(/Failed query|insert into|params:/);
    expect(chat.code).toBe(0);
    expect(chat.stdout).toContain('Siapa nama lengkap Anda');
  });
});
