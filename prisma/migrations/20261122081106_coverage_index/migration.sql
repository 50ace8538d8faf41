-- Coverage matrix (schema/coverage): a covering partial index, hand-written because Prisma's
-- schema language has neither INCLUDE nor WHERE for indexes (a schema diff does not see it).
-- The matrix and the gap history read these columns of every relevant, canonical offer;
-- from this index (24 MB at 100k offers) instead of the heap (155 MB) they take an index-only
-- scan: the history query 100 → 24 ms, the matrix's offer scan 90–140 → 30 ms.
CREATE INDEX "Offer_coverage_idx" ON "Offer" ("firstStart")
  INCLUDE ("id", "status", "providerId", "districtKey", "regionKey", "online", "hybrid", "moduleCodes", "roles", "learningFormat", "audiences")
  WHERE "relevant" AND "duplicateOfId" IS NULL;
