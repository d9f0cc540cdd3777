DROP INDEX "reminder_timers_due_idx";--> statement-breakpoint
CREATE INDEX "reminder_timers_due_idx" ON "reminder_timers" USING btree ("fire_at","id") WHERE "reminder_timers"."status" = 'pending';