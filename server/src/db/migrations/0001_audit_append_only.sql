-- The audit trail is append-only: a row may only be sealed once (hash, prev_hash, chain_index set
-- from NULL), never changed afterwards, and never deleted except by the retention purge, which
-- sets kechuang.audit_purge for its own transaction and only removes rows past the retention age.
CREATE OR REPLACE FUNCTION audit_log_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF current_setting('kechuang.audit_purge', true) = 'on'
       AND OLD.occurred_at < now() - make_interval(days => current_setting('kechuang.audit_retention_days', true)::int) THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.hash IS NOT NULL
     OR (NEW.id, NEW.occurred_at, NEW.actor_id, NEW.actor_name, NEW.actor_role, NEW.ip, NEW.event, NEW.object_type,
         NEW.object_id, NEW.result, NEW.request_id, NEW.before, NEW.after)
        IS DISTINCT FROM
        (OLD.id, OLD.occurred_at, OLD.actor_id, OLD.actor_name, OLD.actor_role, OLD.ip, OLD.event, OLD.object_type,
         OLD.object_id, OLD.result, OLD.request_id, OLD.before, OLD.after) THEN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard();
