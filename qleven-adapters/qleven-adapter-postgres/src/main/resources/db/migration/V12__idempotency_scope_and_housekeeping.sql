-- Idempotency records that never outlive what they answer with, and the housekeeping of the
-- operational tables (issue 7, fixes 2 and 12).
--
-- A key now belongs to the center and the caller (the account or API key that sent it), so the
-- caller leads the key after tenant_id. Records made before this migration were scoped to the
-- center only, hashed with a bare SHA-256 and held whole answers: they are dropped (they would have
-- expired within 24 hours anyway, and a retry after the upgrade simply runs once more).
DELETE FROM public.idempotency_records;
ALTER TABLE public.idempotency_records ADD COLUMN caller uuid NOT NULL;
ALTER TABLE public.idempotency_records DROP CONSTRAINT idempotency_records_pk;
ALTER TABLE public.idempotency_records ADD CONSTRAINT idempotency_records_pk PRIMARY KEY (tenant_id, caller, key);
COMMENT ON COLUMN public.idempotency_records.request_hash IS
    'HMAC-SHA256 of method, path and body under a key of the center: a body may carry a password';

-- The idempotency records of platform operators, who belong to no center. Global like the
-- operators' sessions; the answers are sealed under a platform key.
CREATE TABLE public.platform_idempotency_records (
    caller       uuid        NOT NULL,
    key          text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    request_hash text        NOT NULL,
    answer       bytea       NOT NULL,
    created_at   timestamptz NOT NULL,
    CONSTRAINT platform_idempotency_records_pk PRIMARY KEY (caller, key)
);
CREATE INDEX platform_idempotency_records_age ON public.platform_idempotency_records (created_at);

-- The centers that have operational rows to purge, and when the next of them is due. Written by
-- the unit of work that creates such a row (INSERT ... ON CONFLICT DO NOTHING, so a busy center
-- takes no lock here), claimed by the housekeeping job with FOR UPDATE SKIP LOCKED; the purge then
-- runs inside that center's own unit of work and moves due_at to the center's next expiry. Ids and
-- times only.
CREATE TABLE directory.housekeeping_due (
    tenant_id uuid        NOT NULL,
    due_at    timestamptz NOT NULL,
    CONSTRAINT housekeeping_due_pk PRIMARY KEY (tenant_id)
);
CREATE INDEX housekeeping_due_at ON directory.housekeeping_due (due_at);

-- The purges' range scans.
CREATE INDEX session_tokens_expiry ON directory.session_tokens (absolute_expiry);
CREATE INDEX invitation_tokens_expiry ON directory.invitation_tokens (expires_at);
CREATE INDEX password_reset_tokens_expiry ON directory.password_reset_tokens (expires_at);
CREATE INDEX sessions_end ON public.sessions (tenant_id, (coalesce(ended_at, absolute_expiry)));
CREATE INDEX platform_sessions_end ON public.platform_sessions ((coalesce(ended_at, absolute_expiry)));

-- Every existing center (each has members, and so maybe sessions) is due for a first look.
INSERT INTO directory.housekeeping_due (tenant_id, due_at)
SELECT tenant_id, now() FROM directory.memberships GROUP BY tenant_id
ON CONFLICT DO NOTHING;
