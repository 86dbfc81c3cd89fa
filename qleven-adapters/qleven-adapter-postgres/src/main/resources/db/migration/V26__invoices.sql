-- Invoices (issue 10): a center's billing settings, its invoices and credit notes with their lines,
-- and the hash chain of each invoice series.

-- Billing settings: one row per center once an administrator saves them; the defaults until then.
CREATE TABLE public.billing_settings (
    tenant_id   uuid        NOT NULL,
    price_basis text        NOT NULL CHECK (price_basis IN ('tax_included', 'tax_excluded')),
    legal_name  text,
    ice         text CHECK (ice ~ '^[0-9]{15}$'),
    if_number   text CHECK (if_number ~ '^[0-9]{1,15}$'),
    updated_at  timestamptz NOT NULL,
    CONSTRAINT billing_settings_pk PRIMARY KEY (tenant_id),
    CONSTRAINT billing_settings_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id)
);

-- The hash of the last invoice issued in each series: what the next one chains to.
ALTER TABLE public.invoice_series ADD COLUMN last_hash text CHECK (last_hash ~ '^[0-9a-f]{64}$');

-- Invoices and credit notes. Texts that name or describe a person are ciphertext under the center's
-- finance key (bytea); amounts are in minor units, signed (a credit note's are negative), so a sum
-- over a center's invoices is its revenue. An issued row never changes but for paid, credited and
-- the restriction an erasure sets (the trigger below), and a number is never given twice.
CREATE TABLE public.invoices (
    tenant_id          uuid        NOT NULL,
    id                 uuid        NOT NULL,
    kind               text        NOT NULL CHECK (kind IN ('full', 'simplified', 'credit_note')),
    status             text        NOT NULL CHECK (status IN ('draft', 'issued')),
    client_id          uuid        NOT NULL,
    appointment_id     uuid,
    price_basis        text        NOT NULL CHECK (price_basis IN ('tax_included', 'tax_excluded')),
    currency           text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    discount_minor     bigint      NOT NULL CHECK (discount_minor >= 0),
    net_minor          bigint      NOT NULL,
    tax_minor          bigint      NOT NULL,
    gross_minor        bigint      NOT NULL,
    paid_minor         bigint      NOT NULL DEFAULT 0,
    credited_minor     bigint      NOT NULL DEFAULT 0 CHECK (credited_minor >= 0),
    series_year        integer,
    sequence           bigint,
    issued_at          timestamptz,
    seller_name        text,
    seller_address     text,
    seller_identifiers text[],
    buyer_name         bytea,
    buyer_address      bytea,
    buyer_identifiers  bytea,
    previous_hash      text CHECK (previous_hash ~ '^[0-9a-f]{64}$'),
    hash               text CHECK (hash ~ '^[0-9a-f]{64}$'),
    corrects_id        uuid,
    corrects_number    text,
    corrects_reason    bytea,
    restricted         boolean     NOT NULL DEFAULT false,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    version            bigint      NOT NULL CHECK (version >= 1),
    CONSTRAINT invoices_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT invoices_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id),
    CONSTRAINT invoices_client_fk FOREIGN KEY (tenant_id, client_id) REFERENCES public.clients (tenant_id, id),
    CONSTRAINT invoices_appointment_fk FOREIGN KEY (tenant_id, appointment_id)
        REFERENCES public.appointments (tenant_id, id),
    CONSTRAINT invoices_corrects_fk FOREIGN KEY (tenant_id, corrects_id) REFERENCES public.invoices (tenant_id, id),
    CONSTRAINT invoices_number_unique UNIQUE (tenant_id, kind, series_year, sequence),
    CONSTRAINT invoices_issued_has_number CHECK ((status = 'issued') = (sequence IS NOT NULL AND series_year IS NOT NULL
        AND issued_at IS NOT NULL AND hash IS NOT NULL AND previous_hash IS NOT NULL AND seller_name IS NOT NULL
        AND buyer_name IS NOT NULL)),
    CONSTRAINT invoices_credit_note_corrects CHECK ((kind = 'credit_note') = (corrects_id IS NOT NULL))
);
-- Newest first, per center and per client.
CREATE INDEX invoices_by_age ON public.invoices (tenant_id, created_at DESC, id DESC);
CREATE INDEX invoices_of_client ON public.invoices (tenant_id, client_id, created_at DESC, id DESC);
CREATE INDEX invoices_of_appointment ON public.invoices (tenant_id, appointment_id) WHERE appointment_id IS NOT NULL;

CREATE TABLE public.invoice_lines (
    tenant_id       uuid    NOT NULL,
    invoice_id      uuid    NOT NULL,
    position        integer NOT NULL CHECK (position >= 0),
    description     bytea   NOT NULL,
    quantity        numeric(12, 3) NOT NULL CHECK (quantity > 0),
    unit_price      bigint  NOT NULL CHECK (unit_price >= 0),
    tax_code        text    NOT NULL,
    tax_name        text    NOT NULL,
    tax_rate        numeric(7, 4) NOT NULL CHECK (tax_rate >= 0),
    exempt          boolean NOT NULL,
    legal_mention   text,
    discount_minor  bigint  NOT NULL CHECK (discount_minor >= 0),
    CONSTRAINT invoice_lines_pk PRIMARY KEY (tenant_id, invoice_id, position),
    CONSTRAINT invoice_lines_invoice_fk FOREIGN KEY (tenant_id, invoice_id)
        REFERENCES public.invoices (tenant_id, id) ON DELETE CASCADE
);

-- An issued invoice is frozen: only what settles it (paid, credited), its restriction and its version
-- may change, and it is never deleted; its lines neither change nor go. The application refuses the
-- same changes first; this is the last word whatever a caller (or an operator at a psql prompt) does.
CREATE FUNCTION public.invoices_issued_are_frozen() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status = 'issued' THEN
            RAISE EXCEPTION 'an issued invoice is never deleted' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN OLD;
    END IF;
    IF OLD.status = 'issued' AND (ROW(NEW.id, NEW.kind, NEW.status, NEW.client_id, NEW.appointment_id,
            NEW.price_basis, NEW.currency, NEW.discount_minor, NEW.net_minor, NEW.tax_minor, NEW.gross_minor,
            NEW.series_year, NEW.sequence, NEW.issued_at, NEW.seller_name, NEW.seller_address,
            NEW.seller_identifiers, NEW.buyer_name, NEW.buyer_address, NEW.buyer_identifiers, NEW.previous_hash,
            NEW.hash, NEW.corrects_id, NEW.corrects_number, NEW.corrects_reason, NEW.created_at)
        IS DISTINCT FROM ROW(OLD.id, OLD.kind, OLD.status, OLD.client_id, OLD.appointment_id,
            OLD.price_basis, OLD.currency, OLD.discount_minor, OLD.net_minor, OLD.tax_minor, OLD.gross_minor,
            OLD.series_year, OLD.sequence, OLD.issued_at, OLD.seller_name, OLD.seller_address,
            OLD.seller_identifiers, OLD.buyer_name, OLD.buyer_address, OLD.buyer_identifiers, OLD.previous_hash,
            OLD.hash, OLD.corrects_id, OLD.corrects_number, OLD.corrects_reason, OLD.created_at)) THEN
        RAISE EXCEPTION 'an issued invoice never changes' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER invoices_issued_are_frozen BEFORE UPDATE OR DELETE ON public.invoices
    FOR EACH ROW EXECUTE FUNCTION public.invoices_issued_are_frozen();

CREATE FUNCTION public.invoice_lines_of_issued_are_frozen() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    owner uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.invoice_id ELSE OLD.invoice_id END;
    tenant uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.tenant_id ELSE OLD.tenant_id END;
BEGIN
    IF EXISTS (SELECT 1 FROM public.invoices i WHERE i.tenant_id = tenant AND i.id = owner AND i.status = 'issued') THEN
        RAISE EXCEPTION 'an issued invoice''s lines never change' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER invoice_lines_of_issued_are_frozen BEFORE INSERT OR UPDATE OR DELETE ON public.invoice_lines
    FOR EACH ROW EXECUTE FUNCTION public.invoice_lines_of_issued_are_frozen();

-- Row-level security, as on every tenant-owned table ------------------------------------------------

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['billing_settings', 'invoices', 'invoice_lines']
    LOOP
        EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON public.%I '
                       'USING (tenant_id = (SELECT public.qleven_current_tenant())) '
                       'WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()))', t);
    END LOOP;
END
$$;
