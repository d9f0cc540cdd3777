import { createHmac } from 'node:crypto';
import { desc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cloudRequestBody } from '../../../src/channels/whatsapp-cloud/render.ts';
import { createWhatsAppCloudChannel, WEBHOOK_PATH } from '../../../src/channels/whatsapp-cloud/channel.ts';
import { members, outbox, type OutboxPayload } from '../../../src/store/schema.ts';
import { enrolmentAnswers, testNik } from '../../helpers/enrolment-script.ts';
import { openTestApp } from '../../helpers/runtime-app.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';

const APP_SECRET = 'meta-app-secret';
const PHONE_ID = '106540352242922';
const VENDOR = '6281234567890';

const database = useTestDatabase();

/** Interactive replies sent through the Cloud API come back in the webhook as the option chosen. */
describe('WhatsApp Cloud API: list messages and reply buttons, chosen in the webhook', () => {
  it('asks the payment period as a numbered list; the row the vendor taps is the period stored', async () => {
    const { app, clock } = await openTestApp(database());
    const channel = createWhatsAppCloudChannel({
      config: { accessToken: 'EAAtoken', appSecret: APP_SECRET, verifyToken: 'v', phoneNumberId: PHONE_ID, graphBaseUrl: 'http://127.0.0.1:9' },
      handler: app.runtime,
      statusSink: { record: async () => {} },
      clock,
    });
    let n = 0;
    const post = async (message: Record<string, unknown>) => {
      const raw = JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [{ id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: PHONE_ID }, messages: [{ from: VENDOR, id: `wamid.${++n}`, timestamp: String(1_764_000_000 + n), ...message }] } }] }],
      });
      const signature = `sha256=${createHmac('sha256', APP_SECRET).update(raw).digest('hex')}`;
      const res = await channel.app.request(WEBHOOK_PATH, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body: raw });
      expect(res.status).toBe(200);
    };
    /** What the vendor's phone gets for the newest reply: the Graph API body the sender posts. */
    const lastSent = async () => {
      const [row] = await database().db.select().from(outbox).orderBy(desc(outbox.id)).limit(1);
      return cloudRequestBody(VENDOR, row?.payload as OutboxPayload, true) as { type: string; interactive?: Record<string, unknown>; text?: { body: string } };
    };

    const answers = enrolmentAnswers(testNik(0));
    const upToPeriod = answers.slice(0, answers.indexOf('3 bulan'));
    for (const answer of upToPeriod) await post({ type: 'text', text: { body: answer } });

    const question = await lastSent();
    expect(question.type).toBe('interactive');
    const list = question.interactive as { type: string; action: { button: string; sections: { rows: { id: string; title: string; description?: string }[] }[] } };
    expect(list.type).toBe('list');
    const rows = list.action.sections.flatMap((s) => s.rows);
    expect(rows.map((r) => r.title)).toEqual([expect.stringMatching(/^1\. 1 bulan/), expect.stringMatching(/^2\. 3 bulan/), expect.stringMatching(/^3\. 6 bulan/), expect.stringMatching(/^4\. 12 bulan/)]);

    // The vendor opens the list and taps the fourth row.
    const twelve = rows[3];
    await post({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: twelve?.id, title: twelve?.title, ...(twelve?.description ? { description: twelve.description } : {}) } } });
    const funding = await lastSent();
    // "2. Minta bantuan iuran" is too long for a button (20): both go in a list.
    expect(funding.interactive).toMatchObject({ type: 'list', body: { text: expect.stringContaining('Siapa yang akan membayar iuran') } });
    const self = (funding.interactive as typeof list).action.sections[0]?.rows[0];
    expect(self?.title).toBe('1. Bayar sendiri');
    await post({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: self?.id, title: self?.title } } });

    // The summary's two options fit as reply buttons; the tapped one comes back and is read.
    const summary = await lastSent();
    const buttons = (summary.interactive as { type: string; action: { buttons: { reply: { id: string; title: string } }[] } });
    expect(buttons.type).toBe('button');
    expect(buttons.action.buttons.map((b) => b.reply.title)).toEqual(['1. Ya, sudah benar', '2. Ubah']);
    await post({ type: 'interactive', interactive: { type: 'button_reply', button_reply: buttons.action.buttons[0]?.reply } });

    const [member] = await database().db.select().from(members);
    expect(member).toMatchObject({ paymentPeriodMonths: 12, funding: 'mandiri' });
  });
});
