-- The data version per table (decision 060): a statement bumps the row of its connection within
-- its table's band of 64 rows (id = band * 64 + pg_backend_pid() % 64 + 1), so the sum of every
-- row is still the data version (decision 046) and the sum of a band tells whether that table
-- changed. Band 0 (ids 1–64: the rows before this migration, a restored backup's, an unknown
-- table's) counts as a change of every table. A figure that reads only some tables (the summary's
-- sites after an installation's write) is kept while their bands are unchanged.
CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger AS $$
BEGIN
  INSERT INTO data_version AS v (id, version)
    VALUES (64 * CASE TG_TABLE_NAME WHEN 'site' THEN 1 WHEN 'camera_installation' THEN 2 WHEN 'award' THEN 3
      WHEN 'model_type' THEN 4 WHEN 'admin_unit' THEN 5 WHEN 'approval' THEN 6 ELSE 0 END
      + pg_backend_pid() % 64 + 1, 1)
    ON CONFLICT (id) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
