-- CreateTable
CREATE TABLE "site_rollup" (
    "area_id" INTEGER NOT NULL,
    "model_type_id" INTEGER NOT NULL,
    "religion" TEXT NOT NULL DEFAULT '',
    "year" INTEGER NOT NULL,
    "is_demo" BOOLEAN NOT NULL,
    "sites" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "site_rollup_pkey" PRIMARY KEY ("area_id","model_type_id","religion","year","is_demo")
);

-- CreateTable
CREATE TABLE "camera_rollup" (
    "area_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "is_demo" BOOLEAN NOT NULL,
    "installations" INTEGER NOT NULL DEFAULT 0,
    "cameras" BIGINT NOT NULL DEFAULT 0,
    "recorders" BIGINT NOT NULL DEFAULT 0,
    "memory_cards" BIGINT NOT NULL DEFAULT 0,
    "cost_vnd" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "camera_rollup_pkey" PRIMARY KEY ("area_id","year","is_demo")
);

-- CreateIndex
CREATE INDEX "site_rollup_year_idx" ON "site_rollup"("year");


-- Roll-ups kept by the database (decision 046): statement triggers with transition tables add the
-- rows a statement inserted and subtract those it deleted (an update: both), grouped, in the
-- writing transaction, whoever writes (the app, an import, psql). Only live rows (deleted_at IS
-- NULL) count, so a soft delete or a restore moves a row out of or into its group. Each group is
-- one upsert, in key order (two statements never wait on each other in opposite orders); writers
-- of different groups never wait on each other. An update that changes no group writes nothing.
-- A group that falls to 0 is deleted, so the roll-ups are exactly a recount (and a restore, which
-- recounts, gives back the same rows).

-- The rows of the statement with their sign (+1 added, -1 removed), as SQL text: a transition table
-- exists only for its own event, so the query naming it is run with EXECUTE.
CREATE FUNCTION rollup_delta(op TEXT) RETURNS TEXT AS $$
  SELECT CASE op
    WHEN 'INSERT' THEN 'SELECT n.*, 1 AS d FROM new_rows n'
    WHEN 'DELETE' THEN 'SELECT o.*, -1 AS d FROM old_rows o'
    ELSE 'SELECT n.*, 1 AS d FROM new_rows n UNION ALL SELECT o.*, -1 FROM old_rows o' END
$$ LANGUAGE sql IMMUTABLE;

CREATE FUNCTION site_rollup_apply() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM site_rollup;
    RETURN NULL;
  END IF;
  EXECUTE format($q$
    INSERT INTO site_rollup AS r (area_id, model_type_id, religion, year, is_demo, sites)
    SELECT area_id, model_type_id, coalesce(religion::text, ''), EXTRACT(YEAR FROM established_on)::int, is_demo,
      SUM(d)::int
    FROM (%s) x WHERE deleted_at IS NULL
    GROUP BY 1, 2, 3, 4, 5 HAVING SUM(d) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (area_id, model_type_id, religion, year, is_demo) DO UPDATE SET sites = r.sites + EXCLUDED.sites
  $q$, rollup_delta(TG_OP));
  IF TG_OP <> 'INSERT' THEN
    EXECUTE $q$
      DELETE FROM site_rollup r USING old_rows o
      WHERE r.sites = 0 AND r.area_id = o.area_id AND r.model_type_id = o.model_type_id
        AND r.religion = coalesce(o.religion::text, '') AND r.year = EXTRACT(YEAR FROM o.established_on)::int
        AND r.is_demo = o.is_demo
    $q$;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION camera_rollup_apply() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM camera_rollup;
    RETURN NULL;
  END IF;
  EXECUTE format($q$
    INSERT INTO camera_rollup AS r (area_id, year, is_demo, installations, cameras, recorders, memory_cards, cost_vnd)
    SELECT area_id, EXTRACT(YEAR FROM installed_on)::int, is_demo, SUM(d)::int, SUM(d * cameras), SUM(d * recorders),
      SUM(d * memory_cards), SUM(d * cost_vnd)
    FROM (%s) x WHERE deleted_at IS NULL
    GROUP BY 1, 2, 3
    HAVING SUM(d) <> 0 OR SUM(d * cameras) <> 0 OR SUM(d * recorders) <> 0 OR SUM(d * memory_cards) <> 0
      OR SUM(d * cost_vnd) <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT (area_id, year, is_demo) DO UPDATE SET installations = r.installations + EXCLUDED.installations,
      cameras = r.cameras + EXCLUDED.cameras, recorders = r.recorders + EXCLUDED.recorders,
      memory_cards = r.memory_cards + EXCLUDED.memory_cards, cost_vnd = r.cost_vnd + EXCLUDED.cost_vnd
  $q$, rollup_delta(TG_OP));
  IF TG_OP <> 'INSERT' THEN
    EXECUTE $q$
      DELETE FROM camera_rollup r USING old_rows o
      WHERE r.installations = 0 AND r.cameras = 0 AND r.recorders = 0 AND r.memory_cards = 0 AND r.cost_vnd = 0
        AND r.area_id = o.area_id AND r.year = EXTRACT(YEAR FROM o.installed_on)::int AND r.is_demo = o.is_demo
    $q$;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- A trigger with transition tables takes one event each.
CREATE TRIGGER site_rollup_insert AFTER INSERT ON "site" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION site_rollup_apply();
CREATE TRIGGER site_rollup_update AFTER UPDATE ON "site" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION site_rollup_apply();
CREATE TRIGGER site_rollup_delete AFTER DELETE ON "site" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION site_rollup_apply();
CREATE TRIGGER site_rollup_truncate AFTER TRUNCATE ON "site"
  FOR EACH STATEMENT EXECUTE FUNCTION site_rollup_apply();
CREATE TRIGGER camera_rollup_insert AFTER INSERT ON "camera_installation" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION camera_rollup_apply();
CREATE TRIGGER camera_rollup_update AFTER UPDATE ON "camera_installation"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION camera_rollup_apply();
CREATE TRIGGER camera_rollup_delete AFTER DELETE ON "camera_installation" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION camera_rollup_apply();
CREATE TRIGGER camera_rollup_truncate AFTER TRUNCATE ON "camera_installation"
  FOR EACH STATEMENT EXECUTE FUNCTION camera_rollup_apply();

-- Every roll-up recomputed from the base tables: here, and after a restore (which loads rows with
-- the triggers off). `pnpm rollups:check` compares the same recount with the stored groups.
CREATE FUNCTION rollup_rebuild() RETURNS void AS $$
BEGIN
  DELETE FROM site_rollup;
  INSERT INTO site_rollup (area_id, model_type_id, religion, year, is_demo, sites)
  SELECT area_id, model_type_id, coalesce(religion::text, ''), EXTRACT(YEAR FROM established_on)::int, is_demo,
    COUNT(*)::int FROM site WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5;
  DELETE FROM camera_rollup;
  INSERT INTO camera_rollup (area_id, year, is_demo, installations, cameras, recorders, memory_cards, cost_vnd)
  SELECT area_id, EXTRACT(YEAR FROM installed_on)::int, is_demo, COUNT(*)::int, SUM(cameras), SUM(recorders),
    SUM(memory_cards), SUM(cost_vnd) FROM camera_installation WHERE deleted_at IS NULL GROUP BY 1, 2, 3;
END;
$$ LANGUAGE plpgsql;

SELECT rollup_rebuild();

-- The data version without one row every writer updates: the version is the sum of the rows, and
-- a statement bumps the row of its connection (64 rows; a restored backup may hold fewer, hence the
-- upsert). Two writers wait on each other only when their connections share a row.
CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger AS $$
BEGIN
  INSERT INTO data_version AS v (id, version) VALUES (pg_backend_pid() % 64 + 1, 1)
    ON CONFLICT (id) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
