-- The notice texts a center publishes per consent purpose (issue 9): the exact words a client is
-- shown before consenting, for the built-in purposes (whatsapp, marketing) and the center's own.
-- Versions of a purpose count from 1; a new text is a new version and the old ones stay, because
-- ledger entries (consent_entries.text_version and text_sha256) name them. Append-only: a trigger
-- refuses UPDATE, DELETE and TRUNCATE. published_by is the administrator's account, NULL for a
-- version carried over from a purpose's description below. A notice is not personal data: the
-- text is kept in clear, as the center wrote it.
CREATE TABLE public.consent_notices (
    tenant_id    uuid        NOT NULL,
    purpose      text        NOT NULL CHECK (length(purpose) <= 40 AND purpose ~ '^[a-z][a-z0-9]*(_[a-z0-9]+)*$'),
    version      integer     NOT NULL CHECK (version >= 1),
    text         text        NOT NULL CHECK (length(text) BETWEEN 1 AND 20000),
    published_at timestamptz NOT NULL,
    published_by uuid,
    CONSTRAINT consent_notices_pk PRIMARY KEY (tenant_id, purpose, version),
    CONSTRAINT consent_notices_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id)
);

CREATE FUNCTION public.qleven_consent_notices_append_only() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'consent notices are append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER consent_notices_append_only BEFORE UPDATE OR DELETE ON public.consent_notices
    FOR EACH ROW EXECUTE FUNCTION public.qleven_consent_notices_append_only();
CREATE TRIGGER consent_notices_no_truncate BEFORE TRUNCATE ON public.consent_notices
    FOR EACH STATEMENT EXECUTE FUNCTION public.qleven_consent_notices_append_only();

-- Row-level security on every tenant-owned table ---------------------------------------------------

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['consent_notices']
    LOOP
        EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON public.%I '
                       'USING (tenant_id = (SELECT public.qleven_current_tenant())) '
                       'WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()))', t);
    END LOOP;
END
$$;

-- Until now the notice a center stored for its own purpose was the purpose's description (shown on
-- the booking page with a version derived from its text). It becomes version 1 of that purpose's
-- notice, published when the purpose was added, so those centers keep taking consents online.
-- One center at a time under its own row-level security, as V17 does.
DO $$
DECLARE
    center uuid;
BEGIN
    FOR center IN SELECT DISTINCT tenant_id FROM directory.memberships LOOP
        PERFORM set_config('qleven.tenant_id', center::text, true);
        INSERT INTO public.consent_notices (tenant_id, purpose, version, text, published_at, published_by)
        SELECT tenant_id, code, 1, description, created_at, NULL FROM public.consent_purposes
        WHERE tenant_id = center
        ON CONFLICT DO NOTHING;
    END LOOP;
    PERFORM set_config('qleven.tenant_id', '', true);
END
$$;
