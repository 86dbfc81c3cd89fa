-- The audit trail without a lock shared by a center's requests (issue 8, SECURITY.md "Audit trail").
-- A request appends its event unsealed: an insert into the chain's table with no place yet, and an
-- insert into the narrow global queue directory.audit_due (ids only). A sealer later gives each
-- due event its place (seq), the previous hash and its HMAC, a batch at a time under the chain's
-- head row, inside the center's own transaction. The place is given at sealing to whatever is due
-- and committed, with no high-water mark, so an event whose transaction commits late is sealed later
-- at a later place, never skipped. The queue row is the count of appends kept apart from the chain: an event deleted before
-- it was sealed leaves its queue row behind, and the sealer records the loss at that place.

-- One id per append, across every chain: the order of appends, and the queue's key.
CREATE SEQUENCE public.audit_event_ids AS bigint;

ALTER TABLE public.audit_events
    ADD COLUMN id bigint NOT NULL DEFAULT nextval('public.audit_event_ids');
ALTER TABLE public.audit_events DROP CONSTRAINT audit_events_pk;
ALTER TABLE public.audit_events
    ALTER COLUMN seq DROP NOT NULL,
    ALTER COLUMN prev_hash DROP NOT NULL,
    ALTER COLUMN hash DROP NOT NULL,
    ADD CONSTRAINT audit_events_pk PRIMARY KEY (tenant_id, id),
    ADD CONSTRAINT audit_events_seq_unique UNIQUE (tenant_id, seq),
    ADD CONSTRAINT audit_events_sealed_whole CHECK ((seq IS NULL) = (prev_hash IS NULL) AND (seq IS NULL) = (hash IS NULL));

ALTER TABLE public.platform_audit_events
    ADD COLUMN id bigint NOT NULL DEFAULT nextval('public.audit_event_ids');
ALTER TABLE public.platform_audit_events DROP CONSTRAINT platform_audit_events_pk;
ALTER TABLE public.platform_audit_events
    ALTER COLUMN seq DROP NOT NULL,
    ALTER COLUMN prev_hash DROP NOT NULL,
    ALTER COLUMN hash DROP NOT NULL,
    ADD CONSTRAINT platform_audit_events_pk PRIMARY KEY (id),
    ADD CONSTRAINT platform_audit_events_seq_unique UNIQUE (seq),
    ADD CONSTRAINT platform_audit_events_sealed_whole
        CHECK ((seq IS NULL) = (prev_hash IS NULL) AND (seq IS NULL) = (hash IS NULL));

-- Sealing is the one change allowed: an unsealed event gets its place and hashes, nothing else of
-- it changes. A sealed event never changes again; deleting or truncating stays refused. Not
-- SECURITY DEFINER, owned by the owner: the app role cannot disable it.
CREATE FUNCTION public.qleven_audit_seal_only() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF OLD.seq IS NULL AND NEW.seq IS NOT NULL
        AND (to_jsonb(NEW) - 'seq' - 'prev_hash' - 'hash') = (to_jsonb(OLD) - 'seq' - 'prev_hash' - 'hash') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit trail is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

DROP TRIGGER audit_events_append_only ON public.audit_events;
CREATE TRIGGER audit_events_seal_only BEFORE UPDATE ON public.audit_events
    FOR EACH ROW EXECUTE FUNCTION public.qleven_audit_seal_only();
CREATE TRIGGER audit_events_append_only BEFORE DELETE ON public.audit_events
    FOR EACH ROW EXECUTE FUNCTION public.qleven_audit_append_only();

DROP TRIGGER platform_audit_events_append_only ON public.platform_audit_events;
CREATE TRIGGER platform_audit_events_seal_only BEFORE UPDATE ON public.platform_audit_events
    FOR EACH ROW EXECUTE FUNCTION public.qleven_audit_seal_only();
CREATE TRIGGER platform_audit_events_append_only BEFORE DELETE ON public.platform_audit_events
    FOR EACH ROW EXECUTE FUNCTION public.qleven_audit_append_only();

-- The queue of events to seal: insert-only for requests (one row per append, no row shared by a
-- center's requests), deleted by the sealer in the same transaction that seals the event. Ids only:
-- the event's id and its center (null for the platform's chain).
CREATE TABLE directory.audit_due (
    event_id  bigint NOT NULL,
    tenant_id uuid,
    CONSTRAINT audit_due_pk PRIMARY KEY (event_id)
);
CREATE INDEX audit_due_by_chain ON directory.audit_due (tenant_id, event_id);
