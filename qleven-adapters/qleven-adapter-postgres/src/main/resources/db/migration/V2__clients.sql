-- The centers' clients, sealed field by field (issue 3).
--
-- Every personal field is AES-256-GCM ciphertext under the client's own data key (keystore), bound
-- to its place by associated data; lookups go through keyed HMACs only: phone_index (E.164),
-- email_index (trimmed, lower-cased), and client_name_tokens (the beginnings of each name part).
-- birth_year and birth_month are the only derived values in clear, for coarse segments. Nothing
-- else about a client is stored in plain text.

CREATE TABLE public.clients (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    full_name   bytea       NOT NULL,
    phone       bytea,
    email       bytea,
    birth_date  bytea,
    notes       bytea,
    phone_index text        CHECK (phone_index ~ '^[0-9a-f]{64}$'),
    email_index text        CHECK (email_index ~ '^[0-9a-f]{64}$'),
    birth_year  smallint    CHECK (birth_year BETWEEN 1900 AND 9999),
    birth_month smallint    CHECK (birth_month BETWEEN 1 AND 12),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    version     bigint      NOT NULL CHECK (version >= 1),
    CONSTRAINT clients_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT clients_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id),
    CONSTRAINT clients_phone_has_index CHECK ((phone IS NULL) = (phone_index IS NULL)),
    CONSTRAINT clients_email_has_index CHECK ((email IS NULL) = (email_index IS NULL)),
    CONSTRAINT clients_birth_date_has_parts
        CHECK ((birth_date IS NULL) = (birth_year IS NULL) AND (birth_year IS NULL) = (birth_month IS NULL))
);
-- Lookups by blind index, and keyset paging oldest first (also of the lookups' results).
CREATE INDEX clients_by_phone ON public.clients (tenant_id, phone_index);
CREATE INDEX clients_by_email ON public.clients (tenant_id, email_index);
CREATE INDEX clients_by_age ON public.clients (tenant_id, created_at, id);

-- One row per keyed token of a client's name: HMAC of each 2- to 12-character beginning of each part.
CREATE TABLE public.client_name_tokens (
    tenant_id uuid NOT NULL,
    client_id uuid NOT NULL,
    token     text NOT NULL CHECK (token ~ '^[0-9a-f]{64}$'),
    CONSTRAINT client_name_tokens_pk PRIMARY KEY (tenant_id, token, client_id),
    CONSTRAINT client_name_tokens_client_fk FOREIGN KEY (tenant_id, client_id)
        REFERENCES public.clients (tenant_id, id) ON DELETE CASCADE
);
-- Replacing a client's tokens on a rename, and the foreign key's checks.
CREATE INDEX client_name_tokens_by_client ON public.client_name_tokens (tenant_id, client_id);

ALTER TABLE public.clients ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.clients FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.clients
    USING (tenant_id = (SELECT public.qleven_current_tenant()))
    WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()));

ALTER TABLE public.client_name_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.client_name_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.client_name_tokens
    USING (tenant_id = (SELECT public.qleven_current_tenant()))
    WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()));
