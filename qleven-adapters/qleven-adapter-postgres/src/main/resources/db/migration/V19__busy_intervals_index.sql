-- The busy-interval query must use an index whatever the statistics, so that its cost follows the
-- range searched, not every active hold of the center.
--
-- V18's appointment_resources_busy (tenant_id, resource_id, lower(during)) WHERE active is never
-- used for the range: under row-level security a condition can only become an index condition
-- when all its functions are leakproof (otherwise it could run before the policy's check), and
-- lower(anyrange) and && are not. The planner could use only (tenant_id, resource_id) of it, which
-- for the center's professionals and rooms is every hold of the center, so it chose a sequential
-- scan or a bitmap scan of the exclusion index on tenant_id alone (37,584 rows filtered to 29).
--
-- starts_at is the start of the hold as a plain column (generated, so it cannot disagree with
-- during); timestamptz's comparisons are leakproof, so starts_at in [from - 1 day, to) is a btree
-- range scan for each resource id the query probes (one probe per id), under the policy as well.
ALTER TABLE public.appointment_resources
    ADD COLUMN starts_at timestamptz GENERATED ALWAYS AS (lower(during)) STORED;

DROP INDEX public.appointment_resources_busy;
CREATE INDEX appointment_resources_busy ON public.appointment_resources (tenant_id, resource_id, starts_at)
    WHERE active;
