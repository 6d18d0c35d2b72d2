-- AlterTable
ALTER TABLE "site_rollup_total" DROP CONSTRAINT "site_rollup_total_pkey",
ADD COLUMN     "current_unit_id" INTEGER NOT NULL DEFAULT 0,
ADD CONSTRAINT "site_rollup_total_pkey" PRIMARY KEY ("area_id", "model_type_id", "religion", "is_demo", "current_unit_id");

-- The two changes of the same day to the site roll-ups meet here: the year-free grain
-- (site_rollup_total, decision 053) is keyed, like site_rollup, by the commune of today an editor
-- chose for a divided old commune's record (current_unit_id, 0: the rule's, decision 055). The
-- trigger and the rebuild write both tables with that key; camera_rollup_apply stays as migration
-- divided_communes left it.
CREATE OR REPLACE FUNCTION site_rollup_apply() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM site_rollup;
    DELETE FROM site_rollup_total;
    RETURN NULL;
  END IF;
  EXECUTE format($q$
    INSERT INTO site_rollup AS r (area_id, model_type_id, religion, year, is_demo, current_unit_id, sites)
    SELECT area_id, model_type_id, coalesce(religion::text, ''), EXTRACT(YEAR FROM established_on)::int, is_demo,
      coalesce(current_unit_id, 0), SUM(d)::int
    FROM (%s) x WHERE deleted_at IS NULL
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING SUM(d) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (area_id, model_type_id, religion, year, is_demo, current_unit_id)
      DO UPDATE SET sites = r.sites + EXCLUDED.sites
  $q$, rollup_delta(TG_OP));
  EXECUTE format($q$
    INSERT INTO site_rollup_total AS r (area_id, model_type_id, religion, is_demo, current_unit_id, sites)
    SELECT area_id, model_type_id, coalesce(religion::text, ''), is_demo, coalesce(current_unit_id, 0), SUM(d)::int
    FROM (%s) x WHERE deleted_at IS NULL
    GROUP BY 1, 2, 3, 4, 5 HAVING SUM(d) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (area_id, model_type_id, religion, is_demo, current_unit_id)
      DO UPDATE SET sites = r.sites + EXCLUDED.sites
  $q$, rollup_delta(TG_OP));
  IF TG_OP <> 'INSERT' THEN
    EXECUTE $q$
      DELETE FROM site_rollup r USING old_rows o
      WHERE r.sites = 0 AND r.area_id = o.area_id AND r.model_type_id = o.model_type_id
        AND r.religion = coalesce(o.religion::text, '') AND r.year = EXTRACT(YEAR FROM o.established_on)::int
        AND r.is_demo = o.is_demo AND r.current_unit_id = coalesce(o.current_unit_id, 0)
    $q$;
    EXECUTE $q$
      DELETE FROM site_rollup_total r USING old_rows o
      WHERE r.sites = 0 AND r.area_id = o.area_id AND r.model_type_id = o.model_type_id
        AND r.religion = coalesce(o.religion::text, '') AND r.is_demo = o.is_demo
        AND r.current_unit_id = coalesce(o.current_unit_id, 0)
    $q$;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION rollup_rebuild() RETURNS void AS $$
BEGIN
  DELETE FROM site_rollup;
  INSERT INTO site_rollup (area_id, model_type_id, religion, year, is_demo, current_unit_id, sites)
  SELECT area_id, model_type_id, coalesce(religion::text, ''), EXTRACT(YEAR FROM established_on)::int, is_demo,
    coalesce(current_unit_id, 0), COUNT(*)::int FROM site WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6;
  DELETE FROM site_rollup_total;
  INSERT INTO site_rollup_total (area_id, model_type_id, religion, is_demo, current_unit_id, sites)
  SELECT area_id, model_type_id, religion, is_demo, current_unit_id, SUM(sites)::int FROM site_rollup
  GROUP BY 1, 2, 3, 4, 5;
  DELETE FROM camera_rollup;
  INSERT INTO camera_rollup (area_id, year, is_demo, current_unit_id, installations, cameras, recorders,
    memory_cards, cost_vnd)
  SELECT area_id, EXTRACT(YEAR FROM installed_on)::int, is_demo, coalesce(current_unit_id, 0), COUNT(*)::int,
    SUM(cameras), SUM(recorders), SUM(memory_cards), SUM(cost_vnd)
  FROM camera_installation WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4;
END;
$$ LANGUAGE plpgsql;

SELECT rollup_rebuild();
