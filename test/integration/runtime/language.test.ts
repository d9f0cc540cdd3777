import { describe, expect, it } from 'vitest';
import { contacts, outbox } from '../../../src/store/schema.ts';
import { enrolmentAnswers, testNik } from '../../helpers/enrolment-script.ts';
import { openTestApp } from '../../helpers/runtime-app.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';

const database = useTestDatabase();

/** `bahasa` through the runtime: kept on the contact, so it outlives a restart and the conversation. */
describe('the language a vendor chooses, on the database', () => {
  it('switches mid-enrolment, keeps English after a restart, and starts the next conversation in it', async () => {
    const answers = enrolmentAnswers(testNik(0));
    const first = await openTestApp(database());
    for (const answer of answers.slice(0, answers.indexOf('Siti Aminah'))) await first.say('sri', answer);

    expect(await first.say('sri', 'bahasa')).toContain('Choose a language');
    expect(await first.say('sri', 'english')).toBe("OK, we'll continue in English. Type LANGUAGE to change it again.\n---\nWhat is your full name, as on your KTP (ID card)?");
    expect(await first.say('sri', 'Siti Aminah')).toBe("What is your NIK? It's the 16-digit number on your KTP (ID card).");
    const [contact] = await database().db.select().from(contacts);
    expect(contact?.language).toBe('en');
    // What was queued says which language it is in (a WhatsApp list names its button in it).
    const queued = await database().db.select().from(outbox);
    expect(queued.at(-1)?.payload).toMatchObject({ language: 'en' });
    await first.app.close();

    // Payung restarts: the conversation goes on in English.
    const second = await openTestApp(database());
    expect(await second.say('sri', testNik(0))).toContain('What is your date of birth');
    // A new conversation of this contact starts in English too.
    await second.say('sri', 'batal');
    expect(await second.say('sri', 'ya')).toMatch(/cancelled/i);
    expect(await second.say('sri', 'mulai')).toContain('Before we start');
    // And the switch back is kept the same way.
    await second.say('sri', 'bahasa');
    expect(await second.say('sri', '1')).toContain('Baik, kita pakai Bahasa Indonesia');
    const [after] = await database().db.select().from(contacts);
    expect(after?.language).toBe('id');
    await second.app.close();
  });
});
