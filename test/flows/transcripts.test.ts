import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, it } from 'vitest';
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
