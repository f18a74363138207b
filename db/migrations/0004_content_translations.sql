CREATE TYPE "public"."translatable_entity" AS ENUM('vision', 'action', 'update', 'round');--> statement-breakpoint
CREATE TABLE "content_translations" (
	"id" serial PRIMARY KEY NOT NULL,
	"entity_type" "translatable_entity" NOT NULL,
	"entity_key" text NOT NULL,
	"field" text NOT NULL,
	"locale" text NOT NULL,
	"text" text NOT NULL,
	"source_hash" text NOT NULL,
	"confirmed_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "content_translations" ADD CONSTRAINT "content_translations_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "content_translations_item_idx" ON "content_translations" USING btree ("entity_type","entity_key","field","locale");