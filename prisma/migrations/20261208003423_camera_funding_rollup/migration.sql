-- CreateTable
CREATE TABLE "camera_funding_rollup" (
    "area_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "is_demo" BOOLEAN NOT NULL,
    "current_unit_id" INTEGER NOT NULL DEFAULT 0,
    "funding_source" TEXT NOT NULL,
    "installations" INTEGER NOT NULL DEFAULT 0,
    "cameras" BIGINT NOT NULL DEFAULT 0,
    "cost_vnd" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "camera_funding_rollup_pkey" PRIMARY KEY ("area_id","year","is_demo","current_unit_id","funding_source")
);


-- Kept by the database like every roll-up (decisions 046, 058): its own trigger function and its own
-- recount, one upsert per group a statement touches, in key order; a group at 0 is deleted.
CREATE FUNCTION camera_funding_rollup_apply() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM camera_funding_rollup;
    RETURN NULL;
  END IF;
  EXECUTE format($q$
    INSERT INTO camera_funding_rollup AS r (area_id, year, is_demo, current_unit_id, funding_source, installations,
      cameras, cost_vnd)
    SELECT area_id, EXTRACT(YEAR FROM installed_on)::int, is_demo, coalesce(current_unit_id, 0), funding_source::text,
      SUM(d)::int, SUM(d * cameras), SUM(d * cost_vnd)
    FROM (%s) x WHERE deleted_at IS NULL
    GROUP BY 1, 2, 3, 4, 5
    HAVING SUM(d) <> 0 OR SUM(d * cameras) <> 0 OR SUM(d * cost_vnd) <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (area_id, year, is_demo, current_unit_id, funding_source) DO UPDATE SET
      installations = r.installations + EXCLUDED.installations,
      cameras = r.cameras + EXCLUDED.cameras, cost_vnd = r.cost_vnd + EXCLUDED.cost_vnd
  $q$, rollup_delta(TG_OP));
  IF TG_OP <> 'INSERT' THEN
    EXECUTE $q$
      DELETE FROM camera_funding_rollup r USING old_rows o
      WHERE r.installations = 0 AND r.cameras = 0 AND r.cost_vnd = 0
        AND r.area_id = o.area_id AND r.year = EXTRACT(YEAR FROM o.installed_on)::int AND r.is_demo = o.is_demo
        AND r.current_unit_id = coalesce(o.current_unit_id, 0) AND r.funding_source = o.funding_source::text
    $q$;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION camera_funding_rollup_rebuild() RETURNS void AS $$
BEGIN
  DELETE FROM camera_funding_rollup;
  INSERT INTO camera_funding_rollup (area_id, year, is_demo, current_unit_id, funding_source, installations, cameras,
    cost_vnd)
  SELECT area_id, EXTRACT(YEAR FROM installed_on)::int, is_demo, coalesce(current_unit_id, 0), funding_source::text,
    COUNT(*)::int, SUM(cameras), SUM(cost_vnd)
  FROM camera_installation WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER camera_funding_rollup_insert AFTER INSERT ON "camera_installation" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION camera_funding_rollup_apply();
CREATE TRIGGER camera_funding_rollup_update AFTER UPDATE ON "camera_installation"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION camera_funding_rollup_apply();
CREATE TRIGGER camera_funding_rollup_delete AFTER DELETE ON "camera_installation" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION camera_funding_rollup_apply();
CREATE TRIGGER camera_funding_rollup_truncate AFTER TRUNCATE ON "camera_installation"
  FOR EACH STATEMENT EXECUTE FUNCTION camera_funding_rollup_apply();

CREATE OR REPLACE FUNCTION rollup_rebuild() RETURNS void AS $$
BEGIN
  PERFORM site_rollups_rebuild();
  PERFORM camera_rollup_rebuild();
  PERFORM award_rollup_rebuild();
  PERFORM site_people_rollup_rebuild();
  PERFORM camera_funding_rollup_rebuild();
END;
$$ LANGUAGE plpgsql;

SELECT camera_funding_rollup_rebuild();
