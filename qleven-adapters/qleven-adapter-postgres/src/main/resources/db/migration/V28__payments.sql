-- Payments, refunds and deposits (issue 10, items 3 and 5): what money changed hands, by which
-- method, against which invoice, credit note or appointment. Amounts are in minor units, signed (a
-- refund is negative), so a sum over a day is the day's cash. No personal data but ids: the
-- reference is a terminal's authorisation code or a transfer reference, never card data (the
-- application refuses one that reads as a card number).
CREATE TABLE public.payments (
    tenant_id      uuid        NOT NULL,
    id             uuid        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('payment', 'refund', 'deposit')),
    invoice_id     uuid,
    appointment_id uuid,
    method         text        NOT NULL CHECK (method IN ('cash', 'card', 'bank_transfer')),
    amount_minor   bigint      NOT NULL,
    currency       text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    reference      text        CHECK (char_length(reference) BETWEEN 1 AND 64),
    provider       text        NOT NULL CHECK (provider <> ''),
    recorded_at    timestamptz NOT NULL,
    recorded_by    uuid        NOT NULL,
    CONSTRAINT payments_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT payments_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id),
    CONSTRAINT payments_invoice_fk FOREIGN KEY (tenant_id, invoice_id) REFERENCES public.invoices (tenant_id, id),
    CONSTRAINT payments_appointment_fk FOREIGN KEY (tenant_id, appointment_id)
        REFERENCES public.appointments (tenant_id, id),
    CONSTRAINT payments_sign CHECK (amount_minor <> 0 AND (kind = 'refund') = (amount_minor < 0)),
    CONSTRAINT payments_what_they_settle CHECK (CASE WHEN kind = 'deposit' THEN appointment_id IS NOT NULL
        ELSE invoice_id IS NOT NULL END)
);
-- An invoice's payments, an appointment's deposits, a day's movements: each in the order money moved.
CREATE INDEX payments_of_invoice ON public.payments (tenant_id, invoice_id, recorded_at, id)
    WHERE invoice_id IS NOT NULL;
CREATE INDEX payments_deposits_of_appointment ON public.payments (tenant_id, appointment_id, recorded_at, id)
    WHERE kind = 'deposit';
CREATE INDEX payments_by_time ON public.payments (tenant_id, recorded_at);

-- The books are append-only: a recorded movement is never changed or deleted (a mistake is corrected
-- by a refund), but an unapplied deposit is applied, once, to its appointment's invoice. The
-- application asks for nothing else; this is the last word whatever a caller does.
CREATE FUNCTION public.payments_are_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.kind = 'deposit' AND OLD.invoice_id IS NULL AND NEW.invoice_id IS NOT NULL
        AND ROW(NEW.tenant_id, NEW.id, NEW.kind, NEW.appointment_id, NEW.method, NEW.amount_minor, NEW.currency,
                NEW.reference, NEW.provider, NEW.recorded_at, NEW.recorded_by)
            IS NOT DISTINCT FROM ROW(OLD.tenant_id, OLD.id, OLD.kind, OLD.appointment_id, OLD.method,
                OLD.amount_minor, OLD.currency, OLD.reference, OLD.provider, OLD.recorded_at, OLD.recorded_by) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'payments are append-only: a recorded payment never changes and is never deleted'
        USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER payments_are_append_only BEFORE UPDATE OR DELETE ON public.payments
    FOR EACH ROW EXECUTE FUNCTION public.payments_are_append_only();

ALTER TABLE public.payments ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.payments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.payments
    USING (tenant_id = (SELECT public.qleven_current_tenant()))
    WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()));
