import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp } from '../../../src/app.ts';
import { describeLiveFlow } from '../../../src/runtime/flow-registry.ts';
import { conversations, flowVersions, inboundMessages } from '../../../src/store/schema.ts';
import { openTestApp, TEST_SECRET, vendorHelpers } from '../../helpers/runtime-app.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';

const database = useTestDatabase();

async function brokenFlows(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'payung-flows-'));
  await cp('flows', dir, { recursive: true });
  const script = await readFile(join(dir, 'pendaftaran.yaml'), 'utf8');
  await writeFile(join(dir, 'pendaftaran.yaml'), script.replace('    next: nik\n', '    next: nikk\n'));
  return dir;
}

describe('a flow script with an error', () => {
  it('is never published: running and new conversations keep the last good version', async () => {
    const { say } = await openTestApp(database());
    await say('ayu', 'halo');
    const flowsDir = await brokenFlows();
    const app = await openApp({ database: database(), secret: TEST_SECRET, flowsDir, localesDir: 'locales', language: 'id' });
    expect(app.issues).toContainEqual(expect.objectContaining({ severity: 'error', message: 'go: "nikk" is not a state of this flow (did you mean "nik"?)' }));
    // pendaftaran stays at its one good version (pengingat, unchanged, is not published again).
    expect((await database().db.select().from(flowVersions)).map((v) => [v.flowId, v.version])).toEqual([['pendaftaran', 1], ['pengingat', 1]]);
    const next = vendorHelpers(app);
    await next.say('ayu', 'ya');
    expect(await next.say('ayu', 'Ayu Lestari')).toContain('Berapa NIK Anda?');
    expect(await next.say('bayu', 'halo')).toContain('setuju');
  });

  it('stops start-up with the linter report when no good version was ever published', async () => {
    const flowsDir = await brokenFlows();
    await expect(openApp({ database: database(), secret: TEST_SECRET, flowsDir, localesDir: 'locales', language: 'id' }))
      .rejects.toMatchObject({
        message: 'no usable version of flow "pendaftaran": fix these and start again',
        issues: expect.arrayContaining([expect.objectContaining({ file: expect.stringMatching(/pendaftaran\.yaml$/), severity: 'error', message: expect.stringMatching(/^go: "nikk" is not a state/) })]),
      });
  });
});

async function copyOfRepositoryTexts(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'payung-locales-'));
  await cp('locales', dir, { recursive: true });
  return dir;
}

describe('publishing the files at start', () => {
  const open = (localesDir: string) => openApp({ database: database(), secret: TEST_SECRET, flowsDir: 'flows', localesDir, language: 'id' });

  it('rolls back: restoring an older version\'s files makes them live again, as a new version, and says which version is live', async () => {
    const localesDir = await copyOfRepositoryTexts();
    const original = await readFile(join(localesDir, 'id.yaml'), 'utf8');
    const first = await open(localesDir);
    expect(first.live.map(describeLiveFlow)).toEqual([
      'flow pendaftaran: version 1 is live (published from flows/pendaftaran.yaml now)',
      'flow pengingat: version 1 is live (published from flows/pengingat.yaml now)',
    ]);
    await vendorHelpers(first).say('ani', 'halo');

    await writeFile(join(localesDir, 'id.yaml'), original.replace('Halo! Saya Payung,', 'Selamat datang! Saya Payung,'));
    const second = await open(localesDir);
    expect(second.live.find((f) => f.flowId === 'pendaftaran')).toMatchObject({ version: 2, outcome: 'published' });
    expect(await vendorHelpers(second).say('budi', 'halo')).toContain('Selamat datang! Saya Payung');

    await writeFile(join(localesDir, 'id.yaml'), original);
    const third = await open(localesDir);
    expect(third.live.map(describeLiveFlow)).toEqual([
      'flow pendaftaran: version 3 is live (published from flows/pendaftaran.yaml now)',
      // Every flow stores the texts it was published with, so a text change publishes each flow.
      'flow pengingat: version 3 is live (published from flows/pengingat.yaml now)',
    ]);
    expect((await open(localesDir)).live.map(describeLiveFlow)).toEqual([
      'flow pendaftaran: version 3 is live (flows/pendaftaran.yaml unchanged)',
      'flow pengingat: version 3 is live (flows/pengingat.yaml unchanged)',
    ]);
    const next = vendorHelpers(third);
    expect(await next.say('citra', 'halo')).toContain('Halo! Saya Payung');
    // A conversation keeps the version it started on: budi is still on version 2's texts.
    expect(await next.say('budi', 'bantuan')).toBeTruthy();
    const versions = await database().db.select().from(conversations);
    expect(Object.fromEntries(versions.map((c) => [c.flowVersion, true]))).toMatchObject({ 1: true, 2: true, 3: true });
  });
});

describe('ordering', () => {
  it('handles one contact\'s messages in the order they arrived, even when sent at once', async () => {
    const { app } = await openTestApp(database());
    const texts = ['halo', 'ya', 'Citra Dewi', '3174015708850001', '17-08-1985', 'lewati', 'bali'];
    const outcomes = await Promise.all(texts.map((text, i) => app.runtime.handle({
      channel: 'simulator', externalId: `burst-${i}`, from: 'citra', text, kind: 'text', receivedAt: new Date(),
    })));
    expect(outcomes.at(-1)?.replies.map((r) => r.text).join()).toContain('kabupaten atau kota');
    const stored = await database().db.select().from(inboundMessages).orderBy(inboundMessages.id);
    expect(stored.map((m) => m.externalId)).toEqual(texts.map((_, i) => `burst-${i}`));
    const [conversation] = await database().db.select().from(conversations);
    expect(JSON.stringify(conversation?.snapshot)).toContain('"value":"kabupaten"');
  });
});
