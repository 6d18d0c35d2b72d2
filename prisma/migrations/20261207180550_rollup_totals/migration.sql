-- CreateTable
CREATE TABLE "site_rollup_total" (
    "area_id" INTEGER NOT NULL,
    "model_type_id" INTEGER NOT NULL,
    "religion" TEXT NOT NULL DEFAULT '',
    "is_demo" BOOLEAN NOT NULL,
    "sites" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "site_rollup_total_pkey" PRIMARY KEY ("area_id","model_type_id","religion","is_demo")
);


-- The year-free grain of site_rollup (decision 053): the figures of an open period, or of whole
-- years read as all years less the few outside, read ~18× fewer groups. Kept in the same statement
-- trigger as site_rollup (one upsert per group, in key order; a group at 0 is deleted), so it is a
-- recount whoever writes.
CREATE OR REPLACE FUNCTION site_rollup_apply() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM site_rollup;
    DELETE FROM site_rollup_total;
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
  EXECUTE format($q$
    INSERT INTO site_rollup_total AS r (area_id, model_type_id, religion, is_demo, sites)
    SELECT area_id, model_type_id, coalesce(religion::text, ''), is_demo, SUM(d)::int
    FROM (%s) x WHERE deleted_at IS NULL
    GROUP BY 1, 2, 3, 4 HAVING SUM(d) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (area_id, model_type_id, religion, is_demo) DO UPDATE SET sites = r.sites + EXCLUDED.sites
  $q$, rollup_delta(TG_OP));
  IF TG_OP <> 'INSERT' THEN
    EXECUTE $q$
      DELETE FROM site_rollup r USING old_rows o
      WHERE r.sites = 0 AND r.area_id = o.area_id AND r.model_type_id = o.model_type_id
        AND r.religion = coalesce(o.religion::text, '') AND r.year = EXTRACT(YEAR FROM o.established_on)::int
        AND r.is_demo = o.is_demo
    $q$;
    EXECUTE $q$
      DELETE FROM site_rollup_total r USING old_rows o
      WHERE r.sites = 0 AND r.area_id = o.area_id AND r.model_type_id = o.model_type_id
        AND r.religion = coalesce(o.religion::text, '') AND r.is_demo = o.is_demo
    $q$;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION rollup_rebuild() RETURNS void AS $$
BEGIN
  DELETE FROM site_rollup;
  INSERT INTO site_rollup (area_id, model_type_id, religion, year, is_demo, sites)
  SELECT area_id, model_type_id, coalesce(religion::text, ''), EXTRACT(YEAR FROM established_on)::int, is_demo,
    COUNT(*)::int FROM site WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5;
  DELETE FROM site_rollup_total;
  INSERT INTO site_rollup_total (area_id, model_type_id, religion, is_demo, sites)
  SELECT area_id, model_type_id, religion, is_demo, SUM(sites)::int FROM site_rollup GROUP BY 1, 2, 3, 4;
  DELETE FROM camera_rollup;
  INSERT INTO camera_rollup (area_id, year, is_demo, installations, cameras, recorders, memory_cards, cost_vnd)
  SELECT area_id, EXTRACT(YEAR FROM installed_on)::int, is_demo, COUNT(*)::int, SUM(cameras), SUM(recorders),
    SUM(memory_cards), SUM(cost_vnd) FROM camera_installation WHERE deleted_at IS NULL GROUP BY 1, 2, 3;
END;
$$ LANGUAGE plpgsql;

INSERT INTO site_rollup_total (area_id, model_type_id, religion, is_demo, sites)
SELECT area_id, model_type_id, religion, is_demo, SUM(sites)::int FROM site_rollup GROUP BY 1, 2, 3, 4;
