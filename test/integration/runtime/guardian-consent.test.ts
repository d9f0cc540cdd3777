import { describe, expect, it } from 'vitest';
import { consents, members } from '../../../src/store/schema.ts';
import { enrolmentAnswers } from '../../helpers/enrolment-script.ts';
import { openTestApp } from '../../helpers/runtime-app.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';

const database = useTestDatabase();

// Issue #8 item 18: under UU PDP a child's data is processed with a parent's or guardian's consent.
describe('a vendor under 18 enrols with a guardian', () => {
  it('stores the vendor\'s consent and the guardian\'s, with the guardian\'s name in its details', async () => {
    const { say } = await openTestApp(database());
    const answers = enrolmentAnswers('3174015708100001'); // born 17-08-2010
    const birthDate = answers.indexOf('17 agustus 1985');
    for (const answer of answers.slice(0, birthDate)) await say('remaja', answer);
    expect(await say('remaja', '17 agustus 2010')).toContain('belum 18 tahun');
    expect(await say('remaja', 'ibu sri wahyuni')).toContain('SRI WAHYUNI');
    for (const answer of ['ya', ...answers.slice(birthDate + 1)]) await say('remaja', answer);
    const rows = await database().db.select().from(consents);
    expect(rows).toEqual([
      expect.objectContaining({ granted: true, details: null }),
      expect.objectContaining({ granted: true, textVersion: 'pdp-2026-11-v1', details: { givenBy: 'guardian', guardianName: 'SRI WAHYUNI' } }),
    ]);
    expect(await database().db.select().from(members)).toHaveLength(1);
  });
});
