/**
 * The payment partner's webhook as a Hono app (mount it at the root of the public server):
 * POST /api/payments — `X-Payung-Signature: sha256=<hex HMAC-SHA256 of the raw body>` with the
 *   shared secret, checked in constant time (401 and nothing recorded when missing or wrong);
 *   400 naming the field for malformed JSON or an invalid body (a `paid_at` before 2015 or more
 *   than a day ahead included); then one transaction records the payment, queues the vendor's
 *   receipt, and answers 200 `{ status: 'applied' | 'unmatched' | 'duplicate', … }`, or 409
 *   `{ status: 'conflict', error }` when the reference was recorded with another amount (this one
 *   is kept for review, not applied). A store failure answers 503 so the partner redelivers: the
 *   reference makes a redelivery harmless.
 *   A value the database refuses answers 422: it would fail again, so it is not asked for again.
 *   Every string field is cleaned first (NUL, control and zero-width characters; see clean-text).
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { consoleChannelLogger, type ChannelLogger } from '../lib/channel-logger.ts';
import { verifySignature } from '../lib/verify-signature.ts';
import { cleanJson } from '../lib/clean-text.ts';
import { isBadDataError } from '../lib/query-error.ts';
import type { Clock } from '../lib/clock.ts';
import type { Db } from '../store/db-types.ts';
import { paidAtProblem } from '../domain/paid-at-window.ts';
import { formatRupiah } from '../i18n/rupiah.ts';
import type { ReceiptDeps } from '../runtime/payment-receipt.ts';
import { PaymentRefusedError, recordPayment, type RecordPaymentResult } from '../runtime/record-payment.ts';

export const PAYMENTS_PATH = '/api/payments';
export const SIGNATURE_HEADER = 'X-Payung-Signature';
const MAX_BODY_BYTES = 64 * 1024;

export interface PaymentsWebhookOptions {
  readonly db: Db;
  /** The secret shared with the payment partner, for the body's HMAC. */
  readonly secret: string;
  /** PAYUNG_SECRET, for the NIK's keyed hash. */
  readonly nikSecret: string;
  readonly clock: Clock;
  /** How the vendor's receipt is written: the published locales and the due-date calendar. */
  readonly receipts: ReceiptDeps;
  readonly logger?: ChannelLogger;
}

/** What the partner sends. Amounts are integer Rupiah; `paid_at` an ISO instant with its offset. */
export const paymentWebhookBody = z.object({
  reference: z.string().trim().min(1).max(200),
  amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  paid_at: z.iso.datetime({ offset: true }),
  payment_code: z.string().trim().min(1).max(64).optional(),
  // Separators are forgiven ("3174-0101-…"); the digits must be the 16 of a NIK.
  nik: z.string().regex(/^[\d\s.-]+$/u, 'must be a 16-digit NIK')
    .refine((s) => s.replace(/\D/gu, '').length === 16, 'must be a 16-digit NIK').optional(),
});

export function createPaymentsWebhook(options: PaymentsWebhookOptions): Hono {
  const { db, secret, nikSecret, clock, receipts } = options;
  const logger = options.logger ?? consoleChannelLogger('payments');
  const app = new Hono();

  app.post(PAYMENTS_PATH, bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ error: 'payload too large' }, 413) }), async (c) => {
    const raw = new Uint8Array(await c.req.arrayBuffer());
    if (!verifySignature(raw, c.req.header(SIGNATURE_HEADER), secret)) {
      logger.warn({ path: PAYMENTS_PATH }, 'payments: webhook with a missing or wrong signature rejected');
      return c.json({ error: 'unauthorized' }, 401);
    }
    let json: unknown;
    try {
      // Cleaned once here, like a chat message: a NUL in any field would fail the insert on
      // every redelivery; a zero-width space would make another reference of the same one.
      json = cleanJson(JSON.parse(new TextDecoder().decode(raw)));
    } catch {
      return c.json({ error: 'body is not JSON' }, 400);
    }
    const parsed = paymentWebhookBody.safeParse(json);
    if (!parsed.success) return c.json({ error: describeIssues(parsed.error) }, 400);
    const body = parsed.data;
    const now = clock();
    const dateProblem = paidAtProblem(new Date(body.paid_at), now);
    if (dateProblem !== null) return c.json({ error: `paid_at: ${dateProblem}` }, 400);
    try {
      const result = await db.transaction((tx) => recordPayment(tx, {
        externalRef: body.reference,
        amount: body.amount,
        paidAt: new Date(body.paid_at),
        source: 'webhook',
        paymentCode: body.payment_code ?? null,
        nik: body.nik ?? null,
        raw: { ...body },
      }, { secret: nikSecret, actor: 'system:payments-webhook', now, receipts }));
      return c.json(responseOf(result), !result.duplicate && result.status === 'conflict' ? 409 : 200);
    } catch (error) {
      if (error instanceof PaymentRefusedError) return c.json({ error: error.message }, 400);
      // The reference only: the body may hold a NIK.
      if (isBadDataError(error)) {
        // Redelivering the same body would fail the same way for ever.
        logger.error({ err: error, reference: body.reference }, 'payments: a payment the database cannot store was refused');
        return c.json({ error: 'a field holds a value that cannot be stored' }, 422);
      }
      logger.error({ err: error, reference: body.reference }, 'payments: recording a payment failed; the partner will redeliver');
      return c.json({ error: 'unavailable' }, 503);
    }
  });

  return app;
}

function responseOf(result: RecordPaymentResult): Record<string, unknown> {
  if (result.duplicate) return { status: 'duplicate' };
  if (result.status === 'unmatched') return { status: 'unmatched', payment_id: result.paymentId, reason: result.reason };
  if (result.status === 'conflict') {
    return {
      status: 'conflict', reason: 'reference_conflict', payment_id: result.paymentId, reference: result.externalRef,
      error: `reference ${result.externalRef} was recorded with ${formatRupiah(result.recordedAmount)}: this payment was not applied and is kept for review`,
    };
  }
  return {
    status: 'applied', payment_id: result.paymentId, bill_id: result.billId,
    applied: result.applied, credit: result.credit, outstanding: result.outstanding, bill_paid: result.billPaid,
  };
}

/** "amount: …; paid_at: …": each invalid field by name. */
function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}
