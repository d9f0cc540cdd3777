import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryFlows } from '../helpers/pure-chat.ts';
import { replayTranscript } from '../helpers/replay-transcript.ts';
import { firstDifference, parseTranscript } from '../helpers/transcript-file.ts';

// Golden transcripts (goflow's runner with -update): every test/flows/transcripts/<flow>/<case>.txt
// is replayed through the pure engine and must read exactly as the engine answers now.
// UPDATE_TRANSCRIPTS=1 (npm run test:update-transcripts) rewrites them instead: review the diff.
const ROOT = 'test/flows/transcripts';
const UPDATE = process.env['UPDATE_TRANSCRIPTS'] === '1';

const folders = (await readdir(ROOT, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();

for (const flowId of folders) {
  const cases = (await readdir(join(ROOT, flowId))).filter((name) => name.endsWith('.txt')).sort();
  if (cases.length === 0) continue;
  describe(`transcripts: ${flowId}`, () => {
    it.each(cases)('%s', async (name) => {
      const path = relative('.', join(ROOT, flowId, name));
      const source = await readFile(path, 'utf8');
      const transcript = parseTranscript(path, source);
      if (transcript.flow !== flowId) throw new Error(`${path}:1: "flow: ${transcript.flow}" but the file is in transcripts/${flowId}/`);
      const actual = replayTranscript(path, transcript, (await repositoryFlows()).flows);
      if (UPDATE) {
        if (actual !== source) await writeFile(path, actual);
        return;
      }
      const difference = firstDifference(path, source, actual);
      if (difference) throw new Error(difference);
    });
  });
}

describe('the transcript runner says where a transcript is wrong', () => {
  const HEADER = ['# A check of the runner itself.', 'flow: pendaftaran', 'now: 2026-11-25T03:00:00Z', 'language: id', 'world: not a member', ''];

  async function failure(lines: string[]): Promise<string> {
    const source = [...HEADER, ...lines].join('\n') + '\n';
    try {
      const actual = replayTranscript('case.txt', parseTranscript('case.txt', source), (await repositoryFlows()).flows);
      return firstDifference('case.txt', source, actual) ?? '';
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  it('a changed reply: file:line, the expected and the actual line', async () => {
    const said = await failure(['> halo', '< Selamat pagi!']);
    expect(said).toContain('case.txt:8: the transcript differs');
    expect(said).toContain('expected: "< Selamat pagi!"');
    expect(said).toContain('actual:   "< Halo! Saya Payung');
    expect(said).toContain('npm run test:update-transcripts');
  });

  it('a missing line: what the engine says where the file ends', async () => {
    const said = await failure(['> halo']);
    expect(said).toContain('case.txt:8:');
    expect(said).toContain('expected: (end of file)');
    expect(said).toContain('actual:   "< Halo! Saya Payung');
  });

  it('a malformed line, in the header or the conversation', async () => {
    expect(await failure(['> halo', 'Halo!'])).toBe('case.txt:8: malformed line "Halo!" (a line starts with "> ", "< ", "|", "  1. ", "~ ", "! " or "= ")');
    expect(await failure(['> [gif]'])).toContain('case.txt:7: unknown message kind [gif]');
    const header = await failure(['lang: id', '> halo']);
    expect(header).toContain('case.txt:7: malformed header line "lang: id"');
  });

  it('an unknown fake-world setup is named', async () => {
    const said = await failure(['world: a rich uncle', '> halo']);
    expect(said).toContain('unknown "world: a rich uncle"');
  });
});
