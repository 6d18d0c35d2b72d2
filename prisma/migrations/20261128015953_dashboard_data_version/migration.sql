-- CreateTable
CREATE TABLE "data_version" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "data_version_pkey" PRIMARY KEY ("id")
);

-- Cached dashboard figures are valid while this number is unchanged (docs/decisions/008). The
-- trigger runs in the writing transaction, so the new number becomes visible exactly when the
-- written rows do, to every app server of the database, whatever wrote them (services, seed, psql).
INSERT INTO "data_version" ("id", "version") VALUES (1, 0);

CREATE FUNCTION bump_data_version() RETURNS trigger AS $$
BEGIN
  UPDATE "data_version" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- Every table a dashboard or report aggregate reads.
CREATE TRIGGER site_bumps_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "site"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER camera_installation_bumps_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "camera_installation"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER award_bumps_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "award"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER model_type_bumps_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "model_type"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER admin_unit_bumps_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "admin_unit"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
