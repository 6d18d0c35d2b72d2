-- The audit log as a hash chain (decision 034): each entry carries the hash of the previous entry
-- and SHA-256(prev_hash || its content), content being
--   jsonb_build_array(id, at, user_id, username, action, entity, entity_id, before, after)::text
-- (server/services/audit-chain.ts computes the same expression when verifying).
ALTER TABLE "audit_entry" ADD COLUMN "hash" TEXT NOT NULL DEFAULT '',
ADD COLUMN "prev_hash" TEXT NOT NULL DEFAULT '';

-- Every insert, whoever makes it, is chained by this trigger, under a transaction-scoped advisory
-- lock held to the commit: two writers in parallel cannot both link to the same previous entry.
-- The id is taken again under the lock, so the chain's order is the ids' order (the default's
-- value, taken before the lock, is skipped: ids have gaps, as they already may).
CREATE FUNCTION audit_entry_chain() RETURNS trigger AS $$
DECLARE
  previous TEXT;
BEGIN
  PERFORM pg_advisory_xact_lock(2029290001);
  NEW.id := nextval(pg_get_serial_sequence('audit_entry', 'id'));
  SELECT e.hash INTO previous FROM audit_entry e ORDER BY e.id DESC LIMIT 1;
  NEW.prev_hash := coalesce(previous, '');
  NEW.hash := encode(sha256(convert_to(NEW.prev_hash || jsonb_build_array(
    NEW.id, NEW.at, NEW.user_id, NEW.username, NEW.action, NEW.entity, NEW.entity_id, NEW.before, NEW.after
  )::text, 'UTF8')), 'hex');
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- The entries written before this version, chained in id order. One statement (a DO block), so the
-- append-only trigger is off only inside it and comes back whatever happens.
DO $$
DECLARE
  r RECORD;
  previous TEXT := '';
  h TEXT;
BEGIN
  ALTER TABLE "audit_entry" DISABLE TRIGGER audit_entry_no_update_delete;
  FOR r IN SELECT * FROM "audit_entry" ORDER BY id LOOP
    h := encode(sha256(convert_to(previous || jsonb_build_array(
      r.id, r.at, r.user_id, r.username, r.action, r.entity, r.entity_id, r.before, r.after
    )::text, 'UTF8')), 'hex');
    UPDATE "audit_entry" SET prev_hash = previous, hash = h WHERE id = r.id;
    previous := h;
  END LOOP;
  ALTER TABLE "audit_entry" ENABLE TRIGGER audit_entry_no_update_delete;
END;
$$;

CREATE TRIGGER audit_entry_chain
  BEFORE INSERT ON "audit_entry"
  FOR EACH ROW EXECUTE FUNCTION audit_entry_chain();
