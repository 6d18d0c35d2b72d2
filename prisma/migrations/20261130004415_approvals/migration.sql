-- CreateEnum
CREATE TYPE "approval_state" AS ENUM ('draft', 'submitted', 'approved');

-- AlterEnum
ALTER TYPE "role" ADD VALUE 'approver';

-- CreateTable
CREATE TABLE "approval" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "state" "approval_state" NOT NULL DEFAULT 'draft',
    "note" TEXT,
    "submitted_by_id" INTEGER,
    "submitted_at" TIMESTAMP(3),
    "approved_by_id" INTEGER,
    "approved_at" TIMESTAMP(3),
    "returned_by_id" INTEGER,
    "returned_at" TIMESTAMP(3),
    "return_reason" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "approval_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "approval_year_state_idx" ON "approval"("year", "state");

-- CreateIndex
CREATE UNIQUE INDEX "approval_unit_id_year_key" ON "approval"("unit_id", "year");

-- AddForeignKey
ALTER TABLE "approval" ADD CONSTRAINT "approval_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "admin_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Figures limited to approved data (approvedOnly) read this table: an approval, a return or a
-- reopening makes cached figures stale like a record change does (docs/decisions/008, 025).
CREATE TRIGGER approval_bumps_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "approval"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
