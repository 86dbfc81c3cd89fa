-- Restriction of processing (GDPR Art. 18) blocks processing, not only listing: administrators see
-- since when and why a client is restricted, and lift it with a reason. One row per client stays
-- the rule: the row is in force while lifted_at is null; restricting a lifted client again replaces
-- the lifting (the audit trail keeps every restriction and lifting in order). Reasons are sealed
-- by the application (AES-256-GCM under a data key of the client's restriction record), never
-- plaintext. The table keeps its tenant-leading key and its forced row-level security (V8).
ALTER TABLE public.client_restrictions
    ADD COLUMN request_id  uuid,
    ADD COLUMN reason      bytea,
    ADD COLUMN lifted_at   timestamptz,
    ADD COLUMN lifted_by   uuid,
    ADD COLUMN lift_reason bytea,
    ADD CONSTRAINT client_restrictions_lift_complete CHECK (
        (lifted_at IS NULL AND lifted_by IS NULL AND lift_reason IS NULL)
        OR (lifted_at IS NOT NULL AND lifted_by IS NOT NULL AND lift_reason IS NOT NULL));

-- An objection survives an erasure in either order: when its suppression entries were written (at
-- its answer, or by an erasure of the client while it was open), so that an objection answered
-- after an erasure can tell entries kept for it from entries never written.
ALTER TABLE public.privacy_requests ADD COLUMN suppressed_at timestamptz;
