-- The consent purposes a center adds to the built-in ones (whatsapp, marketing), which are in code
-- and never stored here. A marketing purpose keeps the minors rule and the suppression list.
CREATE TABLE public.consent_purposes (
    tenant_id   uuid        NOT NULL,
    code        text        NOT NULL CHECK (code ~ '^[a-z][a-z0-9]*(_[a-z0-9]+)*$'
                                            AND length(code) BETWEEN 2 AND 40
                                            AND code NOT IN ('whatsapp', 'marketing')),
    description text        NOT NULL CHECK (length(description) BETWEEN 1 AND 200),
    marketing   boolean     NOT NULL,
    created_at  timestamptz NOT NULL,
    CONSTRAINT consent_purposes_pk PRIMARY KEY (tenant_id, code),
    CONSTRAINT consent_purposes_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id)
);

ALTER TABLE public.consent_purposes ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.consent_purposes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.consent_purposes
    USING (tenant_id = (SELECT public.qleven_current_tenant()))
    WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()));
