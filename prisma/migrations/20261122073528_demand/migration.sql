-- CreateTable
CREATE TABLE "DemandCount" (
    "day" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "moduleCode" TEXT NOT NULL DEFAULT '',
    "districtKey" TEXT NOT NULL DEFAULT '',
    "regionKey" TEXT NOT NULL DEFAULT '',
    "term" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DemandCount_pkey" PRIMARY KEY ("day","kind","moduleCode","districtKey","regionKey","term")
);

