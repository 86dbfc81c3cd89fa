-- Prepaid packages (issue 10): the packages a center sells, those sold to its clients with their
-- balance and sale invoice, and each debit of them (a session or credit by a completed appointment,
-- an allowance by a device session). Nothing here is personal text: names are the catalogue's,
-- the rest amounts, dates and ids; a package sold is paid through an issued invoice and kept with it.

-- The catalogue. A package gives exactly one of: sessions, a credit (minor units of the price's
-- currency) or an allowance in a device's unit; "total" is that count. Services are never deleted
-- (only made inactive), so the covered services are kept as an array of their ids.
CREATE TABLE public.packages (
    tenant_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    service_ids     uuid[]      NOT NULL CHECK (cardinality(service_ids) BETWEEN 1 AND 50),
    kind            text        NOT NULL CHECK (kind IN ('sessions', 'credit', 'allowance')),
    allowance_unit  text        CHECK (allowance_unit IN ('shots', 'pulses', 'minutes')),
    total           bigint      NOT NULL CHECK (total > 0),
    price_minor     bigint      NOT NULL CHECK (price_minor >= 0),
    currency        text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    validity_days   integer     NOT NULL CHECK (validity_days BETWEEN 1 AND 3660),
    tax_code        text,
    created_at      timestamptz NOT NULL,
    retired_at      timestamptz,
    CONSTRAINT packages_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT packages_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id),
    CONSTRAINT packages_unit_of_allowance CHECK ((kind = 'allowance') = (allowance_unit IS NOT NULL))
);
CREATE INDEX packages_by_age ON public.packages (tenant_id, created_at, id);

-- Packages sold. "remaining" never goes below zero nor above what was sold, whatever a caller
-- computed: two completions racing for the last session cannot both take it. A refunded package has
-- nothing left and names the credit note that refunded it.
CREATE TABLE public.client_packages (
    tenant_id        uuid        NOT NULL,
    id               uuid        NOT NULL,
    package_id       uuid        NOT NULL,
    client_id        uuid        NOT NULL,
    name             text        NOT NULL,
    kind             text        NOT NULL CHECK (kind IN ('sessions', 'credit', 'allowance')),
    allowance_unit   text        CHECK (allowance_unit IN ('shots', 'pulses', 'minutes')),
    total            bigint      NOT NULL CHECK (total > 0),
    remaining        bigint      NOT NULL,
    price_minor      bigint      NOT NULL CHECK (price_minor >= 0),
    currency         text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    expires_on       date        NOT NULL,
    invoice_id       uuid        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('active', 'refunded')),
    refund_id        uuid,
    refund_minor     bigint      CHECK (refund_minor > 0),
    refunded_at      timestamptz,
    sold_at          timestamptz NOT NULL,
    CONSTRAINT client_packages_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT client_packages_package_fk FOREIGN KEY (tenant_id, package_id)
        REFERENCES public.packages (tenant_id, id),
    CONSTRAINT client_packages_client_fk FOREIGN KEY (tenant_id, client_id) REFERENCES public.clients (tenant_id, id),
    CONSTRAINT client_packages_invoice_fk FOREIGN KEY (tenant_id, invoice_id) REFERENCES public.invoices (tenant_id, id),
    CONSTRAINT client_packages_refund_fk FOREIGN KEY (tenant_id, refund_id) REFERENCES public.invoices (tenant_id, id),
    CONSTRAINT client_packages_balance CHECK (remaining >= 0 AND remaining <= total),
    CONSTRAINT client_packages_refunded CHECK ((status = 'refunded') = (refund_id IS NOT NULL AND refund_minor IS NOT NULL
        AND refunded_at IS NOT NULL AND remaining = 0)),
    CONSTRAINT client_packages_unit_of_allowance CHECK ((kind = 'allowance') = (allowance_unit IS NOT NULL))
);
CREATE INDEX client_packages_of_client ON public.client_packages (tenant_id, client_id, sold_at, id);
-- What the liability report and redemption read: the packages still to be used.
CREATE INDEX client_packages_outstanding ON public.client_packages (tenant_id, expires_on)
    WHERE status = 'active' AND remaining > 0;

-- Each debit: which package, for which appointment (a completion redeems once), how much, when, by whom.
CREATE TABLE public.package_redemptions (
    tenant_id         uuid        NOT NULL,
    id                uuid        NOT NULL,
    client_package_id uuid        NOT NULL,
    appointment_id    uuid,
    kind              text        NOT NULL CHECK (kind IN ('sessions', 'credit', 'allowance')),
    units             bigint      NOT NULL CHECK (units > 0),
    redeemed_at       timestamptz NOT NULL,
    redeemed_by       uuid        NOT NULL,
    CONSTRAINT package_redemptions_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT package_redemptions_package_fk FOREIGN KEY (tenant_id, client_package_id)
        REFERENCES public.client_packages (tenant_id, id),
    CONSTRAINT package_redemptions_appointment_fk FOREIGN KEY (tenant_id, appointment_id)
        REFERENCES public.appointments (tenant_id, id)
);
CREATE INDEX package_redemptions_of_package ON public.package_redemptions (tenant_id, client_package_id, redeemed_at);
-- A completed appointment redeems one package, once.
CREATE UNIQUE INDEX package_redemptions_one_per_appointment ON public.package_redemptions (tenant_id, appointment_id)
    WHERE kind IN ('sessions', 'credit');

-- Row-level security, as on every tenant-owned table ------------------------------------------------

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['packages', 'client_packages', 'package_redemptions']
    LOOP
        EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON public.%I '
                       'USING (tenant_id = (SELECT public.qleven_current_tenant())) '
                       'WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()))', t);
    END LOOP;
END
$$;
