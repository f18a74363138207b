CREATE TYPE "public"."audit_entity" AS ENUM('plan', 'vision', 'action', 'update', 'user', 'round', 'import');--> statement-breakpoint
CREATE TYPE "public"."correction_kind" AS ENUM('corrected', 'retracted');--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"action" text NOT NULL,
	"entity_type" "audit_entity" NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "reporting_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"cutoff_date" date NOT NULL,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "update_corrections" (
	"id" serial PRIMARY KEY NOT NULL,
	"update_id" integer NOT NULL,
	"kind" "correction_kind" NOT NULL,
	"reason" text NOT NULL,
	"replacement_id" integer,
	"actor_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "update_interval_days" integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_rounds" ADD CONSTRAINT "reporting_rounds_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_corrections" ADD CONSTRAINT "update_corrections_update_id_progress_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."progress_updates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_corrections" ADD CONSTRAINT "update_corrections_replacement_id_progress_updates_id_fk" FOREIGN KEY ("replacement_id") REFERENCES "public"."progress_updates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_corrections" ADD CONSTRAINT "update_corrections_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "reporting_rounds_slug_idx" ON "reporting_rounds" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "update_corrections_update_idx" ON "update_corrections" USING btree ("update_id");--> statement-breakpoint
CREATE INDEX "update_corrections_created_idx" ON "update_corrections" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_update_interval_range" CHECK ("actions"."update_interval_days" between 1 and 3650);