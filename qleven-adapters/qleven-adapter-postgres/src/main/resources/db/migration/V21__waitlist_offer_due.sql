-- Lapsed waitlist offers (issue 9): when an offer's hold ends unanswered, the slot passes to the
-- next waiting client. A center's waitlist is visible only in that center's unit of work, so the
-- centers that hold an open offer, and when the earliest of their holds ends, are kept in a narrow
-- global queue: the sweep finds the centers due in one read, without looping over every center.
-- Center ids and times only.
--
-- Kept in step by a trigger on the center's rows, in the same transaction as the write whatever
-- code path makes it: each write that makes, ends or moves an offer recomputes the center's row
-- from the center's open offers (the earliest wins; no open offer, no row). Not SECURITY DEFINER:
-- the app role writes the directory anyway, and the center's rows are read under its own
-- row-level security (a waitlist row can only be written in its center's unit).
CREATE TABLE directory.waitlist_offer_due (
    tenant_id uuid        NOT NULL,
    due_at    timestamptz NOT NULL,
    CONSTRAINT waitlist_offer_due_pk PRIMARY KEY (tenant_id)
);
CREATE INDEX waitlist_offer_due_at ON directory.waitlist_offer_due (due_at);

-- Recomputes the center's row, in the center's unit of work. The transaction-scoped lock keeps two
-- units of the same center from each computing the earliest hold without the other's uncommitted
-- offer and the later one overwriting (or deleting) the row: the second waits for the first to
-- commit, and its next statement (read committed) sees what the first wrote. Only units that
-- change an offer take it, and hold it to their commit.
CREATE FUNCTION public.qleven_directory_waitlist_offer_due_refresh(center uuid) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    earliest timestamptz;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('qleven.waitlist_offer_due:' || center::text, 0));
    SELECT min(offer_expires_at) INTO earliest FROM public.waitlist_entries
    WHERE tenant_id = center AND status = 'offered';
    IF earliest IS NULL THEN
        DELETE FROM directory.waitlist_offer_due WHERE tenant_id = center;
    ELSE
        INSERT INTO directory.waitlist_offer_due (tenant_id, due_at) VALUES (center, earliest)
        ON CONFLICT (tenant_id) DO UPDATE SET due_at = EXCLUDED.due_at;
    END IF;
END
$$;

-- Only a write where the row was or is offered changes the center's offers: the rest (a client
-- added, a waiting entry withdrawn) take no lock and read nothing.
CREATE FUNCTION public.qleven_directory_waitlist_offer_due() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.status = 'offered' THEN
            PERFORM public.qleven_directory_waitlist_offer_due_refresh(NEW.tenant_id);
        END IF;
    ELSIF TG_OP = 'DELETE' THEN
        IF OLD.status = 'offered' THEN
            PERFORM public.qleven_directory_waitlist_offer_due_refresh(OLD.tenant_id);
        END IF;
    ELSIF OLD.status = 'offered' OR NEW.status = 'offered' THEN
        IF OLD.status IS DISTINCT FROM NEW.status OR OLD.offer_expires_at IS DISTINCT FROM NEW.offer_expires_at THEN
            PERFORM public.qleven_directory_waitlist_offer_due_refresh(NEW.tenant_id);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER waitlist_entries_directory_offer_due AFTER INSERT OR UPDATE OR DELETE ON public.waitlist_entries
    FOR EACH ROW EXECUTE FUNCTION public.qleven_directory_waitlist_offer_due();

-- What exists already, one center at a time under its own row-level security (without the
-- function's lock: one transaction cannot hold a lock per center).
DO $$
DECLARE
    center uuid;
BEGIN
    FOR center IN SELECT DISTINCT tenant_id FROM directory.memberships LOOP
        PERFORM set_config('qleven.tenant_id', center::text, true);
        INSERT INTO directory.waitlist_offer_due (tenant_id, due_at)
        SELECT tenant_id, min(offer_expires_at) FROM public.waitlist_entries
        WHERE tenant_id = center AND status = 'offered' GROUP BY tenant_id
        ON CONFLICT DO NOTHING;
    END LOOP;
    PERFORM set_config('qleven.tenant_id', '', true);
END
$$;
