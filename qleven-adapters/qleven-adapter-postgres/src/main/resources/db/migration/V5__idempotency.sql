-- Answers of requests sent with an Idempotency-Key, per center (API.md "Writes"). The answer may
-- hold personal data: it is stored sealed by the FieldCipher, never in plain text.
CREATE TABLE public.idempotency_records (
    tenant_id    uuid        NOT NULL,
    key          text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    request_hash text        NOT NULL,
    answer       bytea       NOT NULL,
    created_at   timestamptz NOT NULL,
    CONSTRAINT idempotency_records_pk PRIMARY KEY (tenant_id, key),
    CONSTRAINT idempotency_records_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id)
);
CREATE INDEX idempotency_records_age ON public.idempotency_records (tenant_id, created_at);

ALTER TABLE public.idempotency_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.idempotency_records FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.idempotency_records
    USING (tenant_id = (SELECT public.qleven_current_tenant()))
    WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()));
