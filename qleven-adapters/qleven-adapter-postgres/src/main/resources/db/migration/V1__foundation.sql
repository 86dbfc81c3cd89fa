-- The foundation: centers, accounts, memberships and sign-in sessions, the global directory of
-- lookups, rate-limit events and wrapped data keys.
--
-- Rules every later migration keeps (RowLevelSecurityTest and SchemaTest check them):
--   * a tenant-owned table has tenant_id uuid NOT NULL leading its primary key and every unique
--     key and foreign key, and ENABLE + FORCE ROW LEVEL SECURITY with the tenant_isolation policy;
--   * no views (a view runs with its owner's rights and would bypass row-level security);
--   * personal data only as ciphertext (bytea) or keyed blind indexes.

-- Exclusion constraints against double booking need it; a trusted extension, so the database
-- owner may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- The center of the current transaction, set by the adapter as the first statement of each unit
-- of work with set_config('qleven.tenant_id', ?, true). After a commit the setting reads '' rather
-- than NULL, hence nullif. Not SECURITY DEFINER: it must run with the caller's rights.
CREATE FUNCTION public.qleven_current_tenant() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('qleven.tenant_id', true), '')::uuid $$;

-- Tenant-owned -----------------------------------------------------------------------------------

CREATE TABLE public.centers (
    tenant_id  uuid        NOT NULL,
    name       text        NOT NULL,
    address    text        NOT NULL,
    tax_id     text        NOT NULL,
    country    text        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    time_zone  text        NOT NULL,
    currency   text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    created_at timestamptz NOT NULL,
    CONSTRAINT centers_pk PRIMARY KEY (tenant_id)
);

CREATE TABLE public.memberships (
    tenant_id  uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    role       text        NOT NULL CHECK (role IN ('administrator', 'professional', 'receptionist')),
    created_at timestamptz NOT NULL,
    CONSTRAINT memberships_pk PRIMARY KEY (tenant_id, user_id),
    CONSTRAINT memberships_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id)
);
-- Keyset paging of a center's members, oldest first.
CREATE INDEX memberships_by_age ON public.memberships (tenant_id, created_at, user_id);

CREATE TABLE public.sessions (
    tenant_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    user_id         uuid        NOT NULL,
    created_at      timestamptz NOT NULL,
    last_seen_at    timestamptz NOT NULL,
    absolute_expiry timestamptz NOT NULL,
    ended_at        timestamptz,
    end_reason      text,
    ip              bytea,
    user_agent      bytea,
    country         text,
    CONSTRAINT sessions_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT sessions_membership_fk FOREIGN KEY (tenant_id, user_id)
        REFERENCES public.memberships (tenant_id, user_id),
    CONSTRAINT sessions_end_has_reason CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
CREATE INDEX sessions_by_user ON public.sessions (tenant_id, user_id);

ALTER TABLE public.centers ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.centers FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.centers
    USING (tenant_id = (SELECT public.qleven_current_tenant()))
    WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()));

ALTER TABLE public.memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.memberships FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.memberships
    USING (tenant_id = (SELECT public.qleven_current_tenant()))
    WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()));

ALTER TABLE public.sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.sessions
    USING (tenant_id = (SELECT public.qleven_current_tenant()))
    WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()));

-- Global -----------------------------------------------------------------------------------------

CREATE TABLE public.accounts (
    id               uuid        NOT NULL,
    full_name        bytea       NOT NULL,
    email            bytea       NOT NULL,
    phone            bytea,
    password_hash    text        NOT NULL,
    age_confirmed_at timestamptz NOT NULL,
    is_operator      boolean     NOT NULL,
    created_at       timestamptz NOT NULL,
    CONSTRAINT accounts_pk PRIMARY KEY (id)
);

-- Sign-in sessions of platform operators, who belong to no center.
CREATE TABLE public.platform_sessions (
    id              uuid        NOT NULL,
    user_id         uuid        NOT NULL,
    created_at      timestamptz NOT NULL,
    last_seen_at    timestamptz NOT NULL,
    absolute_expiry timestamptz NOT NULL,
    ended_at        timestamptz,
    end_reason      text,
    ip              bytea,
    user_agent      bytea,
    country         text,
    CONSTRAINT platform_sessions_pk PRIMARY KEY (id),
    CONSTRAINT platform_sessions_account_fk FOREIGN KEY (user_id) REFERENCES public.accounts (id),
    CONSTRAINT platform_sessions_end_has_reason CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
CREATE INDEX platform_sessions_by_user ON public.platform_sessions (user_id);

-- The directory: lookups that must find a center before it is known. Ids and hashes only.
CREATE SCHEMA directory;

CREATE TABLE directory.account_emails (
    email_index text NOT NULL,
    user_id     uuid NOT NULL,
    CONSTRAINT account_emails_pk PRIMARY KEY (email_index),
    CONSTRAINT account_emails_one_per_account UNIQUE (user_id)
);

CREATE TABLE directory.memberships (
    user_id    uuid        NOT NULL,
    tenant_id  uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    -- Several memberships may be added in one transaction, where now() is the same: this keeps
    -- "oldest first" exact.
    position   bigint      GENERATED ALWAYS AS IDENTITY,
    CONSTRAINT directory_memberships_pk PRIMARY KEY (user_id, tenant_id)
);
CREATE INDEX directory_memberships_in_order ON directory.memberships (user_id, position);

CREATE TABLE directory.session_tokens (
    token_hash      text        NOT NULL,
    session_id      uuid        NOT NULL,
    tenant_id       uuid,
    user_id         uuid        NOT NULL,
    absolute_expiry timestamptz NOT NULL,
    CONSTRAINT session_tokens_pk PRIMARY KEY (token_hash),
    CONSTRAINT session_tokens_one_per_session UNIQUE (session_id)
);

CREATE TABLE directory.rate_events (
    bucket    text        NOT NULL,
    key_index text        NOT NULL,
    at        timestamptz NOT NULL
);
CREATE INDEX rate_events_window ON directory.rate_events (bucket, key_index, at);
-- Housekeeping forgets old events across every key.
CREATE INDEX rate_events_age ON directory.rate_events (at);

-- Wrapped data keys. Crypto-shredding deletes a scope's rows.
CREATE SCHEMA keystore;

CREATE TABLE keystore.data_keys (
    id            uuid        NOT NULL,
    scope_kind    text        NOT NULL,
    scope_owner   uuid        NOT NULL,
    master_key_id text        NOT NULL,
    wrapped       bytea       NOT NULL,
    created_at    timestamptz NOT NULL,
    CONSTRAINT data_keys_pk PRIMARY KEY (id)
);
CREATE INDEX data_keys_by_scope ON keystore.data_keys (scope_kind, scope_owner, created_at);
