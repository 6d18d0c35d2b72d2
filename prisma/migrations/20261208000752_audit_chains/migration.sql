-- The audit log as 16 hash chains (decision 061, replacing the single chain of decision 034):
-- each entry carries the number of its chain; within a chain each entry links to the previous
-- entry's hash as before, and the content hashed is unchanged, so the entries already written
-- are chain 0 as they stand.
ALTER TABLE "audit_entry" ADD COLUMN "chain" SMALLINT NOT NULL DEFAULT 0;
CREATE INDEX "audit_entry_chain_id_idx" ON "audit_entry"("chain", "id");

-- A writer takes the first chain no other transaction holds (pg_try_advisory_xact_lock on
-- (2029290001, chain), starting from its connection's own), so writers on different connections
-- no longer queue on one chain head; only when all 16 are held does it wait for its own. A
-- transaction keeps the chain of its first entry (qt.audit_chain, local to the transaction), so it
-- holds one chain's lock and two writers cannot wait on each other. Under the lock, the id is taken
-- again from the sequence, so a chain's order is its ids' order. A chain's first entry (other than
-- chain 0's) links to chain 0's last hash, read under chain 0's lock: chains start from the one
-- log, and an entry put in front of a chain's first entry is found (audit/chain.ts checks both).
CREATE OR REPLACE FUNCTION audit_entry_chain() RETURNS trigger AS $$
DECLARE
  chains CONSTANT INT := 16;
  held TEXT := current_setting('qt.audit_chain', true);
  start INT := pg_backend_pid() % chains;
  k INT;
  previous TEXT;
BEGIN
  IF held IS NOT NULL AND held <> '' THEN
    k := held::int;
    PERFORM pg_advisory_xact_lock(2029290001, k);
  ELSE
    FOR i IN 0 .. chains - 1 LOOP
      IF pg_try_advisory_xact_lock(2029290001, (start + i) % chains) THEN
        k := (start + i) % chains;
        EXIT;
      END IF;
    END LOOP;
    IF k IS NULL THEN
      k := start;
      PERFORM pg_advisory_xact_lock(2029290001, k);
    END IF;
    PERFORM set_config('qt.audit_chain', k::text, true);
  END IF;
  SELECT e.hash INTO previous FROM audit_entry e WHERE e.chain = k ORDER BY e.id DESC LIMIT 1;
  IF previous IS NULL AND k <> 0 THEN
    PERFORM pg_advisory_xact_lock(2029290001, 0);
    SELECT e.hash INTO previous FROM audit_entry e WHERE e.chain = 0 ORDER BY e.id DESC LIMIT 1;
  END IF;
  NEW.id := nextval(pg_get_serial_sequence('audit_entry', 'id'));
  NEW.chain := k;
  NEW.prev_hash := coalesce(previous, '');
  NEW.hash := encode(sha256(convert_to(NEW.prev_hash || jsonb_build_array(
    NEW.id, NEW.at, NEW.user_id, NEW.username, NEW.action, NEW.entity, NEW.entity_id, NEW.before, NEW.after
  )::text, 'UTF8')), 'hex');
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
