-- AlterTable
ALTER TABLE "site" ADD COLUMN     "current_unit_id" INTEGER;

-- AlterTable
ALTER TABLE "camera_installation" ADD COLUMN     "current_unit_id" INTEGER;

-- AlterTable
ALTER TABLE "award" ADD COLUMN     "current_unit_id" INTEGER;

-- AlterTable
ALTER TABLE "site_rollup" DROP CONSTRAINT "site_rollup_pkey",
ADD COLUMN     "current_unit_id" INTEGER NOT NULL DEFAULT 0,
ADD CONSTRAINT "site_rollup_pkey" PRIMARY KEY ("area_id", "model_type_id", "religion", "year", "is_demo", "current_unit_id");

-- AlterTable
ALTER TABLE "camera_rollup" DROP CONSTRAINT "camera_rollup_pkey",
ADD COLUMN     "current_unit_id" INTEGER NOT NULL DEFAULT 0,
ADD CONSTRAINT "camera_rollup_pkey" PRIMARY KEY ("area_id", "year", "is_demo", "current_unit_id");

-- CreateTable
CREATE TABLE "unit_successor" (
    "old_id" INTEGER NOT NULL,
    "new_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "unit_successor_pkey" PRIMARY KEY ("old_id","new_id")
);

-- CreateIndex
CREATE INDEX "unit_successor_new_id_idx" ON "unit_successor"("new_id");

-- AddForeignKey
ALTER TABLE "site" ADD CONSTRAINT "site_current_unit_id_fkey" FOREIGN KEY ("current_unit_id") REFERENCES "admin_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "camera_installation" ADD CONSTRAINT "camera_installation_current_unit_id_fkey" FOREIGN KEY ("current_unit_id") REFERENCES "admin_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "award" ADD CONSTRAINT "award_current_unit_id_fkey" FOREIGN KEY ("current_unit_id") REFERENCES "admin_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_successor" ADD CONSTRAINT "unit_successor_old_id_fkey" FOREIGN KEY ("old_id") REFERENCES "admin_unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_successor" ADD CONSTRAINT "unit_successor_new_id_fkey" FOREIGN KEY ("new_id") REFERENCES "admin_unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The roll-ups group by the commune of today an editor chose for a divided old commune's record
-- (decision 055; 0: the rule's), so the current view reads it from the roll-ups too. Same triggers
-- as migration rollups (decision 046), one more key column.
CREATE OR REPLACE FUNCTION site_rollup_apply() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM site_rollup;
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
  IF TG_OP <> 'INSERT' THEN
    EXECUTE $q$
      DELETE FROM site_rollup r USING old_rows o
      WHERE r.sites = 0 AND r.area_id = o.area_id AND r.model_type_id = o.model_type_id
        AND r.religion = coalesce(o.religion::text, '') AND r.year = EXTRACT(YEAR FROM o.established_on)::int
        AND r.is_demo = o.is_demo AND r.current_unit_id = coalesce(o.current_unit_id, 0)
    $q$;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION camera_rollup_apply() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM camera_rollup;
    RETURN NULL;
  END IF;
  EXECUTE format($q$
    INSERT INTO camera_rollup AS r (area_id, year, is_demo, current_unit_id, installations, cameras, recorders,
      memory_cards, cost_vnd)
    SELECT area_id, EXTRACT(YEAR FROM installed_on)::int, is_demo, coalesce(current_unit_id, 0), SUM(d)::int,
      SUM(d * cameras), SUM(d * recorders), SUM(d * memory_cards), SUM(d * cost_vnd)
    FROM (%s) x WHERE deleted_at IS NULL
    GROUP BY 1, 2, 3, 4
    HAVING SUM(d) <> 0 OR SUM(d * cameras) <> 0 OR SUM(d * recorders) <> 0 OR SUM(d * memory_cards) <> 0
      OR SUM(d * cost_vnd) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (area_id, year, is_demo, current_unit_id) DO UPDATE SET
      installations = r.installations + EXCLUDED.installations,
      cameras = r.cameras + EXCLUDED.cameras, recorders = r.recorders + EXCLUDED.recorders,
      memory_cards = r.memory_cards + EXCLUDED.memory_cards, cost_vnd = r.cost_vnd + EXCLUDED.cost_vnd
  $q$, rollup_delta(TG_OP));
  IF TG_OP <> 'INSERT' THEN
    EXECUTE $q$
      DELETE FROM camera_rollup r USING old_rows o
      WHERE r.installations = 0 AND r.cameras = 0 AND r.recorders = 0 AND r.memory_cards = 0 AND r.cost_vnd = 0
        AND r.area_id = o.area_id AND r.year = EXTRACT(YEAR FROM o.installed_on)::int AND r.is_demo = o.is_demo
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
  DELETE FROM camera_rollup;
  INSERT INTO camera_rollup (area_id, year, is_demo, current_unit_id, installations, cameras, recorders,
    memory_cards, cost_vnd)
  SELECT area_id, EXTRACT(YEAR FROM installed_on)::int, is_demo, coalesce(current_unit_id, 0), COUNT(*)::int,
    SUM(cameras), SUM(recorders), SUM(memory_cards), SUM(cost_vnd)
  FROM camera_installation WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4;
END;
$$ LANGUAGE plpgsql;
