-- CreateTable
CREATE TABLE "report_draft" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "from_year" INTEGER NOT NULL,
    "to_year" INTEGER NOT NULL,
    "scope_key" TEXT NOT NULL,
    "supervising_body" TEXT NOT NULL,
    "issuing_body" TEXT NOT NULL,
    "signer_title" TEXT NOT NULL,
    "signer_name" TEXT NOT NULL,
    "assessment" TEXT NOT NULL DEFAULT '',
    "shortcomings" TEXT NOT NULL DEFAULT '',
    "lessons" TEXT NOT NULL DEFAULT '',
    "directions" TEXT NOT NULL DEFAULT '',
    "proposals" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "created_by_id" INTEGER,
    "updated_by_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "report_draft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "report_draft_from_year_to_year_scope_key_name_key" ON "report_draft"("from_year", "to_year", "scope_key", "name");

