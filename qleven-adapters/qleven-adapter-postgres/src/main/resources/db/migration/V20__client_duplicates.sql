-- Possible duplicate clients (issue 9): an online booking attaches to an existing client only when
-- phone and email both match exactly one; otherwise it makes a new client, and every existing client
-- sharing the phone or the email is flagged here beside it, for staff to compare and dismiss.
--
-- Ids only: nothing of either client is copied here (what they share is told by matched_on, never
-- by the value). An erasure removes every flag naming the client, on either side.
CREATE TABLE public.client_duplicates (
    tenant_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    client_id       uuid        NOT NULL,
    other_client_id uuid        NOT NULL,
    matched_on      text        NOT NULL CHECK (matched_on IN ('phone', 'email', 'both')),
    source          text        NOT NULL CHECK (source IN ('online_booking')),
    appointment_id  uuid,
    flagged_at      timestamptz NOT NULL,
    dismissed_at    timestamptz,
    dismissed_by    uuid,
    CONSTRAINT client_duplicates_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT client_duplicates_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id),
    CONSTRAINT client_duplicates_client_fk FOREIGN KEY (tenant_id, client_id)
        REFERENCES public.clients (tenant_id, id),
    CONSTRAINT client_duplicates_other_fk FOREIGN KEY (tenant_id, other_client_id)
        REFERENCES public.clients (tenant_id, id),
    -- One flag per pair: the new client is new, so a booking never flags a pair twice.
    CONSTRAINT client_duplicates_pair UNIQUE (tenant_id, client_id, other_client_id),
    CONSTRAINT client_duplicates_not_itself CHECK (client_id <> other_client_id),
    CONSTRAINT client_duplicates_dismissal CHECK ((dismissed_at IS NULL) = (dismissed_by IS NULL))
);
-- The open flags, oldest first, keyset-paged: the desk's list.
CREATE INDEX client_duplicates_open ON public.client_duplicates (tenant_id, flagged_at, id)
    WHERE dismissed_at IS NULL;
-- Flags naming a client as the existing one (the pair's unique key serves the new one): a client's
-- page, its export and its erasure.
CREATE INDEX client_duplicates_by_other ON public.client_duplicates (tenant_id, other_client_id);

-- Row-level security, as on every tenant-owned table ------------------------------------------------

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['client_duplicates']
    LOOP
        EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON public.%I '
                       'USING (tenant_id = (SELECT public.qleven_current_tenant())) '
                       'WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()))', t);
    END LOOP;
END
$$;
