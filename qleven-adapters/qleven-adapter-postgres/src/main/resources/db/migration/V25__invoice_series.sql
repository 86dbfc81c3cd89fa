-- Invoice series (issue 10): one row per center, kind and year (in the center's zone), holding the
-- last place given out. Giving out the next place is one statement that inserts the row at 1 or adds
-- one to it, and returns it: the row stays locked until the unit of work ends, so concurrent issuers
-- of one series wait for each other, and a unit that rolls back gives its place back. No gap, no
-- duplicate, whatever the concurrency (the numbers a tax office reads must be consecutive).
CREATE TABLE public.invoice_series (
    tenant_id     uuid    NOT NULL,
    kind          text    NOT NULL CHECK (kind IN ('full', 'simplified', 'credit_note')),
    year          integer NOT NULL CHECK (year BETWEEN 2000 AND 9999),
    last_sequence bigint  NOT NULL CHECK (last_sequence >= 1),
    CONSTRAINT invoice_series_pk PRIMARY KEY (tenant_id, kind, year),
    CONSTRAINT invoice_series_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id)
);

-- Row-level security, as on every tenant-owned table ------------------------------------------------

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['invoice_series']
    LOOP
        EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON public.%I '
                       'USING (tenant_id = (SELECT public.qleven_current_tenant())) '
                       'WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()))', t);
    END LOOP;
END
$$;
