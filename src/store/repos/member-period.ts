/** The one member setting a vendor changes by chat: how many months each next bill covers. */
import { eq } from 'drizzle-orm';
import type { Executor } from '../db-types.ts';
import { members } from '../schema.ts';

export async function setPaymentPeriod(x: Executor, memberId: string, months: number): Promise<void> {
  await x.update(members).set({ paymentPeriodMonths: months }).where(eq(members.id, memberId));
}
