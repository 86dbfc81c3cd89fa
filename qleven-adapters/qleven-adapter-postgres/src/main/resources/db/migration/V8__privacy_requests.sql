-- Data-subject requests (issue 4, P11): each client's exercise of a right, received, due 30
-- calendar days later (extendable by up to two months with reasons), and answered by a handler.
--
-- The free texts (note, extension reasons, outcome) may describe the person: they are AES-256-GCM
-- ciphertext under a data key of the request itself, so the record of having answered an erasure
-- outlives the client's own key. due_at is the due time in force, kept as a column so that lists
-- and the deadline watch filter on it. No foreign key to clients: a request outlives the erasure
-- it asked for.

CREATE TABLE public.privacy_requests (
    tenant_id        uuid        NOT NULL,
    id               uuid        NOT NULL,
    client_id        uuid        NOT NULL,
    type             text        NOT NULL CHECK (type IN ('access', 'rectification', 'erasure', 'restriction',
                                                          'portability', 'objection', 'withdrawal')),
    note             bytea,
    received_by      uuid        NOT NULL,
    received_at      timestamptz NOT NULL,
    due_at           timestamptz NOT NULL,
    extension_months smallint    NOT NULL CHECK (extension_months BETWEEN 0 AND 2),
    extension_reason bytea,
    handler          uuid,
    completed_at     timestamptz,
    outcome          bytea,
    version          bigint      NOT NULL CHECK (version >= 1),
    CONSTRAINT privacy_requests_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT privacy_requests_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id),
    CONSTRAINT privacy_requests_extension_has_reason
        CHECK ((extension_months = 0) = (extension_reason IS NULL)),
    CONSTRAINT privacy_requests_completion_whole
        CHECK ((handler IS NULL) = (completed_at IS NULL) AND (completed_at IS NULL) = (outcome IS NULL))
);
-- Lists page oldest received first; the deadline watch counts unanswered requests by due time.
CREATE INDEX privacy_requests_by_age ON public.privacy_requests (tenant_id, received_at, id);
CREATE INDEX privacy_requests_open_by_due ON public.privacy_requests (tenant_id, due_at)
    WHERE completed_at IS NULL;
-- The requests of one client, for the registry's export and erasure.
CREATE INDEX privacy_requests_by_client ON public.privacy_requests (tenant_id, client_id);

ALTER TABLE public.privacy_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.privacy_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.privacy_requests
    USING (tenant_id = (SELECT public.qleven_current_tenant()))
    WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()));

-- The centers that have received requests: ids only, global, so that the deadline watch knows which
-- centers to open a unit of work for (row-level security admits no read across centers).
CREATE TABLE directory.privacy_request_centers (
    tenant_id uuid NOT NULL,
    CONSTRAINT privacy_request_centers_pk PRIMARY KEY (tenant_id)
);

-- The marketing suppression list (objection to direct marketing, GDPR Art. 21(3)): keyed HMACs of
-- normalised phone numbers and emails under index keys of their own (suppression.phone,
-- suppression.email), never the clients' erasable blind indexes, and no client id, so an entry
-- outlives the client's erasure and a re-import cannot bring the person back into marketing.
CREATE TABLE public.marketing_suppressions (
    tenant_id  uuid        NOT NULL,
    key_hmac   text        NOT NULL CHECK (key_hmac ~ '^[0-9a-f]{64}$'),
    created_at timestamptz NOT NULL,
    CONSTRAINT marketing_suppressions_pk PRIMARY KEY (tenant_id, key_hmac),
    CONSTRAINT marketing_suppressions_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id)
);

ALTER TABLE public.marketing_suppressions ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.marketing_suppressions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.marketing_suppressions
    USING (tenant_id = (SELECT public.qleven_current_tenant()))
    WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()));

-- Restricted clients (GDPR Art. 18): stored, but left out of the lists and searches of everyone
-- but the center's administrators. Ids only.
CREATE TABLE public.client_restrictions (
    tenant_id     uuid        NOT NULL,
    client_id     uuid        NOT NULL,
    restricted_at timestamptz NOT NULL,
    CONSTRAINT client_restrictions_pk PRIMARY KEY (tenant_id, client_id),
    CONSTRAINT client_restrictions_client_fk FOREIGN KEY (tenant_id, client_id)
        REFERENCES public.clients (tenant_id, id) ON DELETE CASCADE
);

ALTER TABLE public.client_restrictions ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.client_restrictions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.client_restrictions
    USING (tenant_id = (SELECT public.qleven_current_tenant()))
    WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()));
