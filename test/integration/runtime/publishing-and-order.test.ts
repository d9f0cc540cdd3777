import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp } from '../../../src/app.ts';
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
    expect(app.issues).toContainEqual(expect.objectContaining({ severity: 'error', message: 'go: "nikk" is not a state of this flow' }));
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
