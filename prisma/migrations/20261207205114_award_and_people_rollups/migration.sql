-- CreateTable
CREATE TABLE "award_rollup" (
    "area_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "issuer" TEXT NOT NULL,
    "form" TEXT NOT NULL,
    "recipient_kind" TEXT NOT NULL,
    "is_demo" BOOLEAN NOT NULL,
    "current_unit_id" INTEGER NOT NULL DEFAULT 0,
    "awards" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "award_rollup_pkey" PRIMARY KEY ("area_id","year","issuer","form","recipient_kind","is_demo","current_unit_id")
);

-- CreateTable
CREATE TABLE "site_people_rollup" (
    "area_id" INTEGER NOT NULL,
    "model_type_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "is_demo" BOOLEAN NOT NULL,
    "current_unit_id" INTEGER NOT NULL DEFAULT 0,
    "households" BIGINT NOT NULL DEFAULT 0,
    "members" BIGINT NOT NULL DEFAULT 0,
    "with_households" INTEGER NOT NULL DEFAULT 0,
    "with_members" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "site_people_rollup_pkey" PRIMARY KEY ("area_id","model_type_id","year","is_demo","current_unit_id")
);


-- Two more roll-ups kept by the database (decisions 046, 058): awards, and the households and
-- members recorded on sites (the communities screen). From here on, ONE FUNCTION PER ROLL-UP TABLE:
-- `<table>_apply()` is that table's statement trigger and `<table>_rebuild()` its recount, so a
-- later change to one roll-up redefines that table's two functions only (CREATE OR REPLACE in a new
-- migration), never a function that writes other tables too. rollup_rebuild() only calls them.
-- Each statement writes one upsert per group its rows touch, in key order; a group at 0 is deleted.

CREATE FUNCTION award_rollup_apply() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM award_rollup;
    RETURN NULL;
  END IF;
  EXECUTE format($q$
    INSERT INTO award_rollup AS r (area_id, year, issuer, form, recipient_kind, is_demo, current_unit_id, awards)
    SELECT coalesce(area_id, 0), year, issuer::text, form::text, recipient_kind::text, is_demo,
      coalesce(current_unit_id, 0), SUM(d)::int
    FROM (%s) x WHERE deleted_at IS NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING SUM(d) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (area_id, year, issuer, form, recipient_kind, is_demo, current_unit_id)
      DO UPDATE SET awards = r.awards + EXCLUDED.awards
  $q$, rollup_delta(TG_OP));
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM award_rollup r USING old_rows o
    WHERE r.awards = 0 AND r.area_id = coalesce(o.area_id, 0) AND r.year = o.year AND r.issuer = o.issuer::text
      AND r.form = o.form::text AND r.recipient_kind = o.recipient_kind::text AND r.is_demo = o.is_demo
      AND r.current_unit_id = coalesce(o.current_unit_id, 0);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION award_rollup_rebuild() RETURNS void AS $$
BEGIN
  DELETE FROM award_rollup;
  INSERT INTO award_rollup (area_id, year, issuer, form, recipient_kind, is_demo, current_unit_id, awards)
  SELECT coalesce(area_id, 0), year, issuer::text, form::text, recipient_kind::text, is_demo,
    coalesce(current_unit_id, 0), COUNT(*)::int
  FROM award WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7;
END;
$$ LANGUAGE plpgsql;

-- Only sites that record households or members have a row here (a site without either writes
-- nothing): the site counts themselves are site_rollup's.
CREATE FUNCTION site_people_rollup_apply() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM site_people_rollup;
    RETURN NULL;
  END IF;
  EXECUTE format($q$
    INSERT INTO site_people_rollup AS r (area_id, model_type_id, year, is_demo, current_unit_id, households,
      members, with_households, with_members)
    SELECT area_id, model_type_id, EXTRACT(YEAR FROM established_on)::int, is_demo, coalesce(current_unit_id, 0),
      coalesce(SUM(d * households), 0), coalesce(SUM(d * members), 0),
      coalesce(SUM(d) FILTER (WHERE households IS NOT NULL), 0)::int,
      coalesce(SUM(d) FILTER (WHERE members IS NOT NULL), 0)::int
    FROM (%s) x WHERE deleted_at IS NULL AND (households IS NOT NULL OR members IS NOT NULL)
    GROUP BY 1, 2, 3, 4, 5
    HAVING coalesce(SUM(d * households), 0) <> 0 OR coalesce(SUM(d * members), 0) <> 0
      OR coalesce(SUM(d) FILTER (WHERE households IS NOT NULL), 0) <> 0
      OR coalesce(SUM(d) FILTER (WHERE members IS NOT NULL), 0) <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (area_id, model_type_id, year, is_demo, current_unit_id) DO UPDATE SET
      households = r.households + EXCLUDED.households, members = r.members + EXCLUDED.members,
      with_households = r.with_households + EXCLUDED.with_households,
      with_members = r.with_members + EXCLUDED.with_members
  $q$, rollup_delta(TG_OP));
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM site_people_rollup r USING old_rows o
    WHERE r.with_households = 0 AND r.with_members = 0 AND r.area_id = o.area_id
      AND r.model_type_id = o.model_type_id AND r.year = EXTRACT(YEAR FROM o.established_on)::int
      AND r.is_demo = o.is_demo AND r.current_unit_id = coalesce(o.current_unit_id, 0);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION site_people_rollup_rebuild() RETURNS void AS $$
BEGIN
  DELETE FROM site_people_rollup;
  INSERT INTO site_people_rollup (area_id, model_type_id, year, is_demo, current_unit_id, households, members,
    with_households, with_members)
  SELECT area_id, model_type_id, EXTRACT(YEAR FROM established_on)::int, is_demo, coalesce(current_unit_id, 0),
    coalesce(SUM(households), 0), coalesce(SUM(members), 0), COUNT(households)::int, COUNT(members)::int
  FROM site WHERE deleted_at IS NULL AND (households IS NOT NULL OR members IS NOT NULL)
  GROUP BY 1, 2, 3, 4, 5;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER award_rollup_insert AFTER INSERT ON "award" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION award_rollup_apply();
CREATE TRIGGER award_rollup_update AFTER UPDATE ON "award" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION award_rollup_apply();
CREATE TRIGGER award_rollup_delete AFTER DELETE ON "award" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION award_rollup_apply();
CREATE TRIGGER award_rollup_truncate AFTER TRUNCATE ON "award"
  FOR EACH STATEMENT EXECUTE FUNCTION award_rollup_apply();
CREATE TRIGGER site_people_rollup_insert AFTER INSERT ON "site" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION site_people_rollup_apply();
CREATE TRIGGER site_people_rollup_update AFTER UPDATE ON "site" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION site_people_rollup_apply();
CREATE TRIGGER site_people_rollup_delete AFTER DELETE ON "site" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION site_people_rollup_apply();
CREATE TRIGGER site_people_rollup_truncate AFTER TRUNCATE ON "site"
  FOR EACH STATEMENT EXECUTE FUNCTION site_people_rollup_apply();

-- rollup_rebuild() (a restore, `rollups:check --fix`, psql) recomputes every roll-up: the
-- earlier ones as migration rollup_totals_current_unit left them, then one call per new table.
-- The next roll-up adds its `<table>_rebuild()` call here (one line), in its own migration.
CREATE FUNCTION site_rollups_rebuild() RETURNS void AS $$
BEGIN
  DELETE FROM site_rollup;
  INSERT INTO site_rollup (area_id, model_type_id, religion, year, is_demo, current_unit_id, sites)
  SELECT area_id, model_type_id, coalesce(religion::text, ''), EXTRACT(YEAR FROM established_on)::int, is_demo,
    coalesce(current_unit_id, 0), COUNT(*)::int FROM site WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6;
  DELETE FROM site_rollup_total;
  INSERT INTO site_rollup_total (area_id, model_type_id, religion, is_demo, current_unit_id, sites)
  SELECT area_id, model_type_id, religion, is_demo, current_unit_id, SUM(sites)::int FROM site_rollup
  GROUP BY 1, 2, 3, 4, 5;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION camera_rollup_rebuild() RETURNS void AS $$
BEGIN
  DELETE FROM camera_rollup;
  INSERT INTO camera_rollup (area_id, year, is_demo, current_unit_id, installations, cameras, recorders,
    memory_cards, cost_vnd)
  SELECT area_id, EXTRACT(YEAR FROM installed_on)::int, is_demo, coalesce(current_unit_id, 0), COUNT(*)::int,
    SUM(cameras), SUM(recorders), SUM(memory_cards), SUM(cost_vnd)
  FROM camera_installation WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION rollup_rebuild() RETURNS void AS $$
BEGIN
  PERFORM site_rollups_rebuild();
  PERFORM camera_rollup_rebuild();
  PERFORM award_rollup_rebuild();
  PERFORM site_people_rollup_rebuild();
END;
$$ LANGUAGE plpgsql;

SELECT award_rollup_rebuild();
SELECT site_people_rollup_rebuild();
