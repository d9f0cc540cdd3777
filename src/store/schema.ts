/**
 * Payung's database schema: the single source for drizzle-kit's migrations and for the row types
 * the repositories return. Instants are timestamptz, calendar dates are `date` (kept as
 * 'YYYY-MM-DD' strings so no time zone can shift them), Rupiah are bigint read as numbers
 * (a contribution is far below 2^53).
 */
import { sql } from 'drizzle-orm';
import {
  bigint, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid,
} from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const rupiah = (name: string) => bigint(name, { mode: 'number' });
const identity = () => bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity();

export const sectors = ['transport', 'other'] as const;
export const fundings = ['mandiri', 'sponsor_request'] as const;
export const programmeCodes = ['JKK', 'JKM', 'JHT'] as const;
export const conversationStatuses = ['active', 'done', 'cancelled'] as const;
export const outboxKinds = ['reply', 'reminder', 'campaign'] as const;
export const outboxStatuses = ['pending', 'sending', 'sent', 'failed', 'dead'] as const;

/**
 * What an outbox row asks a channel to send: a channel-neutral reply. Part of the channel
 * contract, defined here because the store owns the row (and must not import the runtime);
 * runtime/ports re-exports it for the channels.
 */
export interface OutboxPayload {
  readonly text: string;
  readonly choices?: readonly string[];
  /** The language the reply is in ('id', 'en'): for words a channel adds itself. Absent: 'id'. */
  readonly language?: string;
  /**
   * The approved WhatsApp template to use instead when the 24-hour customer-service window is
   * closed (reminders); other channels ignore it.
   */
  readonly template?: { readonly name: string; readonly language: string; readonly params: readonly string[] };
  /** The text repeats a vendor's personal answer (summary, name): cleared once sent or given up. */
  readonly personal?: boolean;
}

/**
 * What the platform last said about a sent message (WhatsApp Cloud API status webhooks). The
 * channel contract's DeliveryStatus (runtime/ports) is derived from this list.
 */
export const deliveryStatuses = ['sent', 'delivered', 'read', 'failed'] as const;

export const stopReasons = ['opt_out', 'blocked'] as const;
export const billStatuses = ['unpaid', 'paid', 'overdue', 'lapsed'] as const;

// CHECK constraints repeat the TS value lists; these render them as SQL literals (constants only).
const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const sqlList = (values: readonly string[]) => sql.raw(`(${quoted(values)})`);
const sqlArray = (values: readonly string[]) => sql.raw(`array[${quoted(values)}]::text[]`);

/** A chat identity: one per channel + address. A person on two channels is two contacts. */
export const contacts = pgTable('contacts', {
  id: uuid('id').primaryKey().defaultRandom(),
  channel: text('channel').notNull(),
  address: text('address').notNull(),
  displayName: text('display_name'),
  language: text('language').notNull().default('id'),
  phoneE164: text('phone_e164'),
  // Set: no reminders or campaigns, only replies. Why is in stop_reason: 'opt_out' (the vendor
  // said "berhenti"; only "mulai" undoes it) or 'blocked' (the platform said so; a new message
  // from the contact undoes it, since they can reach us again).
  stoppedAt: instant('stopped_at'),
  stopReason: text('stop_reason', { enum: stopReasons }),
  // WhatsApp's 24-hour customer-service window opens with each message the contact sends.
  lastInboundAt: instant('last_inbound_at'),
  createdAt: instant('created_at').notNull().defaultNow(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
}, (t) => [
  unique('contacts_channel_address_unique').on(t.channel, t.address),
  check('contacts_stop_reason_check', sql`${t.stopReason} is null or ${t.stopReason} in ${sqlList(stopReasons)}`),
]);

/** Agen Perisai: refers vendors with a code; codes are stored upper-case so lookups ignore case. */
export const agents = pgTable('agents', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  phoneE164: text('phone_e164'),
  active: boolean('active').notNull().default(true),
  createdAt: instant('created_at').notNull().defaultNow(),
}, (t) => [check('agents_code_upper', sql`${t.code} = upper(${t.code})`)]);

/** A registered vendor. The NIK is unique through its keyed hash; the clear NIK is only encrypted. */
export const members = pgTable('members', {
  id: uuid('id').primaryKey().defaultRandom(),
  contactId: uuid('contact_id').notNull().references(() => contacts.id),
  nikHash: text('nik_hash').notNull().unique(),
  nikEncrypted: text('nik_encrypted').notNull(),
  nikMasked: text('nik_masked').notNull(),
  fullName: text('full_name').notNull(),
  birthDate: date('birth_date', { mode: 'string' }).notNull(),
  sex: text('sex'),
  motherMaidenNameEncrypted: text('mother_maiden_name_encrypted'),
  provinceCode: text('province_code').notNull(),
  regencyCode: text('regency_code').notNull(),
  occupationCode: text('occupation_code').notNull(),
  sector: text('sector', { enum: sectors }).notNull(),
  workplaceType: text('workplace_type').notNull(),
  declaredIncome: rupiah('declared_income').notNull(),
  incomeTier: integer('income_tier').notNull(),
  baseIncome: rupiah('base_income').notNull(),
  programmes: text('programmes', { enum: programmeCodes }).array().notNull(),
  paymentPeriodMonths: integer('payment_period_months').notNull(),
  funding: text('funding', { enum: fundings }).notNull(),
  agentId: uuid('agent_id').references(() => agents.id),
  status: text('status').notNull().default('registered'),
  flowId: text('flow_id').notNull(),
  flowVersion: integer('flow_version').notNull(),
  registeredAt: instant('registered_at').notNull().defaultNow(),
}, (t) => [
  index('members_contact_id_idx').on(t.contactId),
  // "Who of my vendors is overdue" starts from the agent.
  index('members_agent_id_idx').on(t.agentId),
  check('members_sector_check', sql`${t.sector} in ${sqlList(sectors)}`),
  check('members_funding_check', sql`${t.funding} in ${sqlList(fundings)}`),
  check('members_programmes_check', sql`${t.programmes} <@ ${sqlArray(programmeCodes)}`),
]);

/** One running or finished conversation per contact; everything it knows is in the snapshot. */
export const conversations = pgTable('conversations', {
  id: uuid('id').primaryKey().defaultRandom(),
  contactId: uuid('contact_id').notNull().unique().references(() => contacts.id),
  flowId: text('flow_id').notNull(),
  flowVersion: integer('flow_version').notNull(),
  snapshot: jsonb('snapshot').$type<unknown>(),
  status: text('status', { enum: conversationStatuses }).notNull().default('active'),
  createdAt: instant('created_at').notNull().defaultNow(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
}, (t) => [check('conversations_status_check', sql`${t.status} in ${sqlList(conversationStatuses)}`)]);

/** Every handled inbound message; the unique key makes a redelivered message a no-op. */
export const inboundMessages = pgTable('inbound_messages', {
  id: identity(),
  channel: text('channel').notNull(),
  externalId: text('external_id').notNull(),
  contactId: uuid('contact_id').notNull().references(() => contacts.id),
  kind: text('kind').notNull(),
  text: text('text'),
  receivedAt: instant('received_at').notNull(),
  handledAt: instant('handled_at').notNull().defaultNow(),
}, (t) => [unique('inbound_messages_channel_external_id_unique').on(t.channel, t.externalId)]);

/** Messages waiting to be sent; written in the same transaction as the state that caused them. */
export const outbox = pgTable('outbox', {
  id: identity(),
  contactId: uuid('contact_id').notNull().references(() => contacts.id),
  channel: text('channel').notNull(),
  address: text('address').notNull(),
  kind: text('kind', { enum: outboxKinds }).notNull(),
  // Higher goes first: a reply to someone waiting beats a campaign.
  priority: integer('priority').notNull().default(0),
  payload: jsonb('payload').$type<OutboxPayload>().notNull(),
  status: text('status', { enum: outboxStatuses }).notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: instant('next_attempt_at').notNull().defaultNow(),
  lastError: text('last_error'),
  // e.g. 'bill:123:H-3': a reminder is never queued twice.
  dedupeKey: text('dedupe_key').unique(),
  // No foreign key: inbound rows may be purged long before the outbox history.
  inboundId: bigint('inbound_id', { mode: 'number' }),
  createdAt: instant('created_at').notNull().defaultNow(),
  sentAt: instant('sent_at'),
  // The platform's id for the sent message, so its status webhooks find the row.
  providerMessageId: text('provider_message_id'),
  deliveryStatus: text('delivery_status', { enum: deliveryStatuses }),
  deliveryUpdatedAt: instant('delivery_updated_at'),
}, (t) => [
  index('outbox_claim_idx').on(t.status, t.nextAttemptAt, t.priority),
  index('outbox_provider_message_id_idx').on(t.providerMessageId),
  // The dispatcher's claim of chat heads: 500 ms → 15 ms with 200,000 pending rows on PostgreSQL.
  index('outbox_heads_idx').on(t.channel, t.priority.desc(), t.id).where(sql`${t.status} in ('pending', 'sending')`),
  check('outbox_delivery_status_check', sql`${t.deliveryStatus} is null or ${t.deliveryStatus} in ${sqlList(deliveryStatuses)}`),
  index('outbox_channel_address_status_idx').on(t.channel, t.address, t.status),
  check('outbox_kind_check', sql`${t.kind} in ${sqlList(outboxKinds)}`),
  check('outbox_status_check', sql`${t.status} in ${sqlList(outboxStatuses)}`),
]);

/** A contribution bill for one or more months, paid with its payment code. */
export const bills = pgTable('bills', {
  id: uuid('id').primaryKey().defaultRandom(),
  memberId: uuid('member_id').notNull().references(() => members.id),
  startMonth: text('start_month').notNull(),
  months: integer('months').notNull(),
  amount: rupiah('amount').notNull(),
  breakdown: jsonb('breakdown').$type<unknown>().notNull(),
  dueDate: date('due_date', { mode: 'string' }).notNull(),
  paymentCode: text('payment_code').notNull().unique(),
  // Kept in step with the ledger by the bill upkeep job: unpaid → overdue (past the due date) →
  // lapsed (the membership lapsed with it unpaid); paid once nothing is owed.
  status: text('status', { enum: billStatuses }).notNull().default('unpaid'),
  createdAt: instant('created_at').notNull().defaultNow(),
}, (t) => [
  index('bills_member_id_idx').on(t.memberId),
  // One bill per member and first month: the next-bill job run twice creates it once.
  unique('bills_member_id_start_month_unique').on(t.memberId, t.startMonth),
  index('bills_status_idx').on(t.status),
  check('bills_status_check', sql`${t.status} in ${sqlList(billStatuses)}`),
  check('bills_start_month_check', sql`${t.startMonth} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  check('bills_months_check', sql`${t.months} > 0`),
]);

export const paymentSources = ['webhook', 'csv', 'manual'] as const;
export const paymentStatuses = ['applied', 'unmatched'] as const;

/**
 * Money received. `external_ref` is the provider's reference and unique: the same payment
 * delivered twice is one row. An unmatched payment is kept with its reason for an admin, never
 * dropped. `raw` is the payload as received, with the NIK removed.
 */
export const payments = pgTable('payments', {
  id: uuid('id').primaryKey().defaultRandom(),
  externalRef: text('external_ref').notNull().unique(),
  amount: rupiah('amount').notNull(),
  paidAt: instant('paid_at').notNull(),
  source: text('source', { enum: paymentSources }).notNull(),
  paymentCode: text('payment_code'),
  nikHash: text('nik_hash'),
  billId: uuid('bill_id').references(() => bills.id),
  memberId: uuid('member_id').references(() => members.id),
  status: text('status', { enum: paymentStatuses }).notNull(),
  unmatchedReason: text('unmatched_reason'),
  // What went to the bill's outstanding amount, and what was beyond it: never rounded.
  appliedAmount: rupiah('applied_amount').notNull().default(0),
  creditAmount: rupiah('credit_amount').notNull().default(0),
  raw: jsonb('raw').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: instant('created_at').notNull().defaultNow(),
}, (t) => [
  // The admin's unmatched list.
  index('payments_status_idx').on(t.status, t.createdAt),
  index('payments_bill_id_idx').on(t.billId),
  check('payments_source_check', sql`${t.source} in ${sqlList(paymentSources)}`),
  check('payments_status_check', sql`${t.status} in ${sqlList(paymentStatuses)}`),
]);

export const timerStatuses = ['pending', 'queued', 'cancelled', 'skipped'] as const;

/**
 * A reminder to send at `fire_at`: planned by the scheduler from the reminder rules and a bill.
 * `dedupe_key` (bill + rule, e.g. 'bill:<id>:h_min_3') is unique, so restarts and several
 * schedulers plan each reminder once. A due timer becomes an outbox row (queued, outbox_id set)
 * carrying the same dedupe key; a payment cancels the bill's pending timers in its transaction;
 * skipped means it was due but no longer made sense (bill paid, contact stopped, lapsed).
 */
export const reminderTimers = pgTable('reminder_timers', {
  id: identity(),
  billId: uuid('bill_id').notNull().references(() => bills.id),
  contactId: uuid('contact_id').notNull().references(() => contacts.id),
  ruleId: text('rule_id').notNull(),
  localeKey: text('locale_key').notNull(),
  dedupeKey: text('dedupe_key').notNull().unique(),
  fireAt: instant('fire_at').notNull(),
  status: text('status', { enum: timerStatuses }).notNull().default('pending'),
  outboxId: bigint('outbox_id', { mode: 'number' }),
  reason: text('reason'),
  createdAt: instant('created_at').notNull().defaultNow(),
  handledAt: instant('handled_at'),
}, (t) => [
  // Claimed in (fire_at, id) order: without id here each batch sorted every timer due at the same
  // minute (a whole zone's H-7), and a round to N members grew with N².
  index('reminder_timers_due_idx').on(t.fireAt, t.id).where(sql`${t.status} = 'pending'`),
  index('reminder_timers_bill_id_idx').on(t.billId),
  check('reminder_timers_status_check', sql`${t.status} in ${sqlList(timerStatuses)}`),
]);

export const claimStatuses = ['open', 'confirmed', 'rejected'] as const;

/**
 * "Sudah bayar": a vendor says they paid and gives the reference. Kept open for an admin or
 * agent to check against the payments; it does not mark anything paid by itself.
 */
export const paymentClaims = pgTable('payment_claims', {
  id: uuid('id').primaryKey().defaultRandom(),
  memberId: uuid('member_id').notNull().references(() => members.id),
  contactId: uuid('contact_id').notNull().references(() => contacts.id),
  billId: uuid('bill_id').references(() => bills.id),
  reference: text('reference').notNull(),
  status: text('status', { enum: claimStatuses }).notNull().default('open'),
  createdAt: instant('created_at').notNull().defaultNow(),
  resolvedAt: instant('resolved_at'),
  resolvedBy: text('resolved_by'),
}, (t) => [
  index('payment_claims_status_idx').on(t.status, t.createdAt),
  check('payment_claims_status_check', sql`${t.status} in ${sqlList(claimStatuses)}`),
]);

/** Published flow scripts. A conversation keeps the version it started with. */
export const flowVersions = pgTable('flow_versions', {
  id: identity(),
  flowId: text('flow_id').notNull(),
  version: integer('version').notNull(),
  hash: text('hash').notNull(),
  definition: jsonb('definition').$type<unknown>().notNull(),
  locales: jsonb('locales').$type<unknown>().notNull(),
  publishedAt: instant('published_at').notNull().defaultNow(),
  publishedBy: text('published_by').notNull(),
}, (t) => [
  unique('flow_versions_flow_id_version_unique').on(t.flowId, t.version),
]);

/** What a person agreed to (or refused), under which wording, on which channel. */
export const consents = pgTable('consents', {
  id: identity(),
  contactId: uuid('contact_id').notNull().references(() => contacts.id),
  memberId: uuid('member_id').references(() => members.id),
  purpose: text('purpose').notNull(),
  textVersion: text('text_version').notNull(),
  granted: boolean('granted').notNull(),
  /** Who gave it when not the vendor: { givenBy: 'guardian', guardianName } for a vendor under 18. */
  details: jsonb('details').$type<Record<string, unknown>>(),
  channel: text('channel').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
}, (t) => [index('consents_contact_id_idx').on(t.contactId)]);

/** Who did what to which record: admins, agents, the system. Never holds a clear NIK. */
export const auditLog = pgTable('audit_log', {
  id: identity(),
  at: instant('at').notNull().defaultNow(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
});

export type ContactRow = typeof contacts.$inferSelect;
export type AgentRow = typeof agents.$inferSelect;
export type MemberRow = typeof members.$inferSelect;
export type ConversationRow = typeof conversations.$inferSelect;
export type InboundMessageRow = typeof inboundMessages.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;
export type BillRow = typeof bills.$inferSelect;
export type FlowVersionRow = typeof flowVersions.$inferSelect;
export type ConsentRow = typeof consents.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
export type ReminderTimerRow = typeof reminderTimers.$inferSelect;
export type PaymentClaimRow = typeof paymentClaims.$inferSelect;
