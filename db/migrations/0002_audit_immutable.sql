-- The audit trail is append-only: the database itself refuses to change or remove its rows.
CREATE OR REPLACE FUNCTION audit_events_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events rows are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update_or_delete BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_events_immutable();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_immutable();
--> statement-breakpoint
-- Corrections are final too: a correction is superseded by a new update, never edited.
CREATE TRIGGER update_corrections_no_update_or_delete BEFORE UPDATE OR DELETE ON "update_corrections"
  FOR EACH ROW EXECUTE FUNCTION audit_events_immutable();
