-- CreateTable
CREATE TABLE "target" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "measure" TEXT NOT NULL,
    "unit_code" TEXT NOT NULL DEFAULT '',
    "model_type_code" TEXT NOT NULL DEFAULT '',
    "value" INTEGER NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "updated_by_id" INTEGER,

    CONSTRAINT "target_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "target_year_measure_unit_code_model_type_code_key" ON "target"("year", "measure", "unit_code", "model_type_code");

