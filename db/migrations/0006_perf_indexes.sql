CREATE TABLE "action_day_states" (
	"action_id" integer NOT NULL,
	"occurred_on" date NOT NULL,
	"update_id" integer NOT NULL,
	"status" "progress_status" NOT NULL,
	"percent" integer NOT NULL,
	CONSTRAINT "action_day_states_action_id_occurred_on_pk" PRIMARY KEY("action_id","occurred_on")
);
--> statement-breakpoint
ALTER TABLE "action_day_states" ADD CONSTRAINT "action_day_states_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_day_states" ADD CONSTRAINT "action_day_states_update_id_progress_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."progress_updates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_day_states_day_idx" ON "action_day_states" USING btree ("occurred_on");--> statement-breakpoint
CREATE INDEX "progress_updates_published_idx" ON "progress_updates" USING btree ("published_at","id") WHERE "progress_updates"."review_state" = 'published';--> statement-breakpoint
CREATE INDEX "update_corrections_replacement_idx" ON "update_corrections" USING btree ("replacement_id");--> statement-breakpoint
-- action_day_states: for each action and day, the last update of that day that counts today
-- (published, not corrected or retracted), by publication time then id. Recomputed for one
-- action and day whenever an update of that day is published or inserted published, or a
-- correction withdraws one: in the same transaction as the write, whichever code path made it.
CREATE OR REPLACE FUNCTION refresh_action_day_state(p_action_id integer, p_day date) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "action_day_states" WHERE "action_id" = p_action_id AND "occurred_on" = p_day;
  INSERT INTO "action_day_states" ("action_id", "occurred_on", "update_id", "status", "percent")
  SELECT pu."action_id", pu."occurred_on", pu."id", pu."status", pu."percent"
  FROM "progress_updates" pu
  WHERE pu."action_id" = p_action_id AND pu."occurred_on" = p_day AND pu."review_state" = 'published'
    AND NOT EXISTS (SELECT 1 FROM "update_corrections" c WHERE c."update_id" = pu."id")
  ORDER BY pu."published_at" DESC NULLS LAST, pu."id" DESC
  LIMIT 1;
END;
$$;
--> statement-breakpoint
-- Rebuilds the whole table (after bulk loads that bypass triggers).
CREATE OR REPLACE FUNCTION refresh_all_action_day_states() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "action_day_states";
  INSERT INTO "action_day_states" ("action_id", "occurred_on", "update_id", "status", "percent")
  SELECT DISTINCT ON (pu."action_id", pu."occurred_on") pu."action_id", pu."occurred_on", pu."id", pu."status", pu."percent"
  FROM "progress_updates" pu
  WHERE pu."review_state" = 'published'
    AND NOT EXISTS (SELECT 1 FROM "update_corrections" c WHERE c."update_id" = pu."id")
  ORDER BY pu."action_id", pu."occurred_on", pu."published_at" DESC NULLS LAST, pu."id" DESC;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION progress_updates_day_state() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."review_state" = 'published' THEN
    PERFORM refresh_action_day_state(NEW."action_id", NEW."occurred_on");
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER progress_updates_day_state AFTER INSERT OR UPDATE OF "review_state", "published_at" ON "progress_updates"
  FOR EACH ROW EXECUTE FUNCTION progress_updates_day_state();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION update_corrections_day_state() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target record;
BEGIN
  SELECT "action_id", "occurred_on" INTO target FROM "progress_updates" WHERE "id" = NEW."update_id";
  IF FOUND THEN
    PERFORM refresh_action_day_state(target."action_id", target."occurred_on");
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER update_corrections_day_state AFTER INSERT ON "update_corrections"
  FOR EACH ROW EXECUTE FUNCTION update_corrections_day_state();
--> statement-breakpoint
SELECT refresh_all_action_day_states();
