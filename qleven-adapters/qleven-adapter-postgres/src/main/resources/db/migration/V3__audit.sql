-- The audit trail (SECURITY.md "Audit trail"): an HMAC chain per center, and one for the platform's
-- own events (those of no center). Each entry holds ids, the action, its purpose and a row count:
-- never personal data. An entry's hash is HMAC-SHA256(key outside the database, prev_hash ||
-- canonical entry), so whoever can write these tables, even with the trigger disabled, cannot
-- recompute a chain. No foreign key to centers: the trail must outlive what it records.

-- Refuses any change to a written entry. Not SECURITY DEFINER; the app role owns neither the
-- tables nor this function, so it cannot disable the triggers.
CREATE FUNCTION public.qleven_audit_append_only() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

-- Tenant-owned -----------------------------------------------------------------------------------

CREATE TABLE public.audit_events (
    tenant_id    uuid        NOT NULL,
    seq          bigint      NOT NULL CHECK (seq > 0),
    at           timestamptz NOT NULL,
    actor_id     uuid,
    session_id   uuid,
    action       text        NOT NULL,
    subject_type text        NOT NULL,
    subject_id   uuid,
    purpose      text        NOT NULL,
    row_count    integer     NOT NULL CHECK (row_count >= 0),
    prev_hash    bytea       NOT NULL CHECK (length(prev_hash) = 32),
    hash         bytea       NOT NULL CHECK (length(hash) = 32),
    CONSTRAINT audit_events_pk PRIMARY KEY (tenant_id, seq)
);

-- The head of each center's chain: writers take it with UPDATE … RETURNING, so they queue on this
-- row instead of forking the chain by reading the same last hash.
CREATE TABLE public.audit_heads (
    tenant_id uuid   NOT NULL,
    seq       bigint NOT NULL CHECK (seq >= 0),
    hash      bytea  NOT NULL CHECK (length(hash) = 32),
    CONSTRAINT audit_heads_pk PRIMARY KEY (tenant_id)
);

CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON public.audit_events
    FOR EACH ROW EXECUTE FUNCTION public.qleven_audit_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON public.audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION public.qleven_audit_append_only();

ALTER TABLE public.audit_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.audit_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.audit_events
    USING (tenant_id = (SELECT public.qleven_current_tenant()))
    WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()));

ALTER TABLE public.audit_heads ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.audit_heads FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.audit_heads
    USING (tenant_id = (SELECT public.qleven_current_tenant()))
    WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()));

-- Global: the platform's own chain --------------------------------------------------------------

CREATE TABLE public.platform_audit_events (
    seq          bigint      NOT NULL CHECK (seq > 0),
    at           timestamptz NOT NULL,
    actor_id     uuid,
    session_id   uuid,
    action       text        NOT NULL,
    subject_type text        NOT NULL,
    subject_id   uuid,
    purpose      text        NOT NULL,
    row_count    integer     NOT NULL CHECK (row_count >= 0),
    prev_hash    bytea       NOT NULL CHECK (length(prev_hash) = 32),
    hash         bytea       NOT NULL CHECK (length(hash) = 32),
    CONSTRAINT platform_audit_events_pk PRIMARY KEY (seq)
);

-- One row at most.
CREATE TABLE public.platform_audit_head (
    only_row boolean NOT NULL DEFAULT true CHECK (only_row),
    seq      bigint  NOT NULL CHECK (seq >= 0),
    hash     bytea   NOT NULL CHECK (length(hash) = 32),
    CONSTRAINT platform_audit_head_pk PRIMARY KEY (only_row)
);

CREATE TRIGGER platform_audit_events_append_only BEFORE UPDATE OR DELETE ON public.platform_audit_events
    FOR EACH ROW EXECUTE FUNCTION public.qleven_audit_append_only();
CREATE TRIGGER platform_audit_events_no_truncate BEFORE TRUNCATE ON public.platform_audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION public.qleven_audit_append_only();

-- The directory of chains: which centers have one (ids only), so that verification and the head
-- witness can visit each center in its own unit of work, through the app role and row-level
-- security, rather than reading every center at once as the owner.
CREATE TABLE directory.audit_chains (
    tenant_id uuid NOT NULL,
    CONSTRAINT audit_chains_pk PRIMARY KEY (tenant_id)
);
