-- CreateTable
CREATE TABLE "map_layer" (
    "id" SERIAL NOT NULL,
    "list" "unit_catalog" NOT NULL,
    "file_name" TEXT NOT NULL,
    "attribution" TEXT NOT NULL,
    "missing" TEXT[],
    "features" JSONB NOT NULL,
    "loaded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "loaded_by" TEXT NOT NULL,

    CONSTRAINT "map_layer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "map_layer_list_key" ON "map_layer"("list");

