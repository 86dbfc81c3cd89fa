-- The platform's privacy-policy versions (P19), each account's notice of them and its acceptances.
-- The policy is the platform's and accounts are global, so these are global tables without
-- tenant_id. A notice holds the account id, the version and its effective time, nothing personal;
-- the mail about a version goes through mail_outbox like any other.
CREATE TABLE public.policy_versions (
    version      text        NOT NULL CHECK (version ~ '^[A-Za-z0-9._-]{1,40}$'),
    body         text        NOT NULL CHECK (length(body) BETWEEN 1 AND 200000),
    sha256       text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    published_at timestamptz NOT NULL,
    effective_at timestamptz NOT NULL,
    published_by uuid        NOT NULL,
    CONSTRAINT policy_versions_pk PRIMARY KEY (version),
    CONSTRAINT policy_versions_publisher_fk FOREIGN KEY (published_by) REFERENCES public.accounts (id)
);
-- The version in effect is the latest effective time not after now.
CREATE INDEX policy_versions_effective ON public.policy_versions (effective_at, published_at);

-- One notice per account and version: publishing again after a failed page cannot tell twice.
CREATE TABLE public.policy_notices (
    account_id   uuid        NOT NULL,
    version      text        NOT NULL,
    effective_at timestamptz NOT NULL,
    created_at   timestamptz NOT NULL,
    CONSTRAINT policy_notices_pk PRIMARY KEY (account_id, version),
    CONSTRAINT policy_notices_account_fk FOREIGN KEY (account_id) REFERENCES public.accounts (id),
    CONSTRAINT policy_notices_version_fk FOREIGN KEY (version) REFERENCES public.policy_versions (version)
);

-- One acceptance per account and version; the first time is kept, since that is when it agreed.
CREATE TABLE public.policy_acceptances (
    account_id  uuid        NOT NULL,
    version     text        NOT NULL,
    accepted_at timestamptz NOT NULL,
    CONSTRAINT policy_acceptances_pk PRIMARY KEY (account_id, version),
    CONSTRAINT policy_acceptances_account_fk FOREIGN KEY (account_id) REFERENCES public.accounts (id),
    CONSTRAINT policy_acceptances_version_fk FOREIGN KEY (version) REFERENCES public.policy_versions (version)
);
