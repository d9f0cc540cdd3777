CREATE TABLE "payment_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"bill_id" uuid,
	"reference" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	CONSTRAINT "payment_claims_status_check" CHECK ("payment_claims"."status" in ('open', 'confirmed', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "reminder_timers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reminder_timers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"bill_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"rule_id" text NOT NULL,
	"locale_key" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"fire_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"outbox_id" bigint,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp with time zone,
	CONSTRAINT "reminder_timers_dedupe_key_unique" UNIQUE("dedupe_key"),
	CONSTRAINT "reminder_timers_status_check" CHECK ("reminder_timers"."status" in ('pending', 'queued', 'cancelled', 'skipped'))
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "stop_reason" text;--> statement-breakpoint
ALTER TABLE "payment_claims" ADD CONSTRAINT "payment_claims_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_claims" ADD CONSTRAINT "payment_claims_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_claims" ADD CONSTRAINT "payment_claims_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_timers" ADD CONSTRAINT "reminder_timers_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_timers" ADD CONSTRAINT "reminder_timers_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_claims_status_idx" ON "payment_claims" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "reminder_timers_due_idx" ON "reminder_timers" USING btree ("fire_at") WHERE "reminder_timers"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "reminder_timers_bill_id_idx" ON "reminder_timers" USING btree ("bill_id");--> statement-breakpoint
CREATE INDEX "bills_status_idx" ON "bills" USING btree ("status");--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_member_id_start_month_unique" UNIQUE("member_id","start_month");--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_status_check" CHECK ("bills"."status" in ('unpaid', 'paid', 'overdue', 'lapsed'));--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_stop_reason_check" CHECK ("contacts"."stop_reason" is null or "contacts"."stop_reason" in ('opt_out', 'blocked'));--> statement-breakpoint
UPDATE "contacts" SET "stop_reason" = 'blocked' WHERE "stopped_at" IS NOT NULL;