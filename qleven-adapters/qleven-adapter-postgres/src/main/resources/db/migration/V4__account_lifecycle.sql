-- The account lifecycle: memberships that can be deactivated, invitations by email, single-use
-- invitation and password-reset links in the directory, and the outbox that mail leaves through.
-- Keeps V1's rules: tenant_id leads every key of a tenant table, row-level security is forced,
-- personal data only as ciphertext or keyed blind indexes.

-- A deactivated member keeps the membership (and so the sessions' log that references it) but can
-- neither sign in to the center nor act in it.
ALTER TABLE public.memberships ADD COLUMN active boolean NOT NULL DEFAULT true;
-- The last-administrator check locks the center's active administrators.
CREATE INDEX memberships_active_administrators ON public.memberships (tenant_id, user_id)
    WHERE role = 'administrator' AND active;

-- A person's sessions, newest first.
CREATE INDEX sessions_of_user_newest ON public.sessions (tenant_id, user_id, created_at DESC, id DESC);
CREATE INDEX platform_sessions_of_user_newest ON public.platform_sessions (user_id, created_at DESC, id DESC);

CREATE TABLE public.invitations (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    email       bytea       NOT NULL,
    -- HMAC of the normalised email under a key of the center: finds the earlier invitations of the
    -- same person without storing the email.
    email_index text        NOT NULL,
    role        text        NOT NULL CHECK (role IN ('administrator', 'professional', 'receptionist')),
    invited_by  uuid        NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    accepted_at timestamptz,
    accepted_by uuid,
    revoked_at  timestamptz,
    CONSTRAINT invitations_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT invitations_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id),
    CONSTRAINT invitations_inviter_fk FOREIGN KEY (tenant_id, invited_by)
        REFERENCES public.memberships (tenant_id, user_id),
    CONSTRAINT invitations_accepted_by_whom CHECK ((accepted_at IS NULL) = (accepted_by IS NULL)),
    CONSTRAINT invitations_accepted_or_revoked CHECK (accepted_at IS NULL OR revoked_at IS NULL),
    CONSTRAINT invitations_expire_later CHECK (expires_at > created_at)
);
-- Keyset paging of the open invitations, oldest first.
CREATE INDEX invitations_open ON public.invitations (tenant_id, created_at, id)
    WHERE accepted_at IS NULL AND revoked_at IS NULL;
CREATE INDEX invitations_open_by_email ON public.invitations (tenant_id, email_index)
    WHERE accepted_at IS NULL AND revoked_at IS NULL;

ALTER TABLE public.invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.invitations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.invitations
    USING (tenant_id = (SELECT public.qleven_current_tenant()))
    WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()));

-- Mail waiting to be sent. Global: the platform sends it, and a password reset belongs to no
-- center. Recipient, subject and text are ciphertext under a data key of the message, shredded
-- with the row once the message is sent or given up. Dispatchers claim due rows with
-- FOR UPDATE SKIP LOCKED and lease them by moving next_attempt_at forward.
CREATE TABLE public.mail_outbox (
    id              uuid        NOT NULL,
    recipient       bytea       NOT NULL,
    subject         bytea       NOT NULL,
    body            bytea       NOT NULL,
    created_at      timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    discard_after   timestamptz NOT NULL,
    last_error      text,
    CONSTRAINT mail_outbox_pk PRIMARY KEY (id)
);
CREATE INDEX mail_outbox_due ON public.mail_outbox (next_attempt_at, id);

-- Single-use links, found by the SHA-256 of their token before the center is known.
CREATE TABLE directory.invitation_tokens (
    token_hash    text        NOT NULL,
    invitation_id uuid        NOT NULL,
    tenant_id     uuid        NOT NULL,
    expires_at    timestamptz NOT NULL,
    CONSTRAINT invitation_tokens_pk PRIMARY KEY (token_hash),
    CONSTRAINT invitation_tokens_one_per_invitation UNIQUE (invitation_id)
);

CREATE TABLE directory.password_reset_tokens (
    token_hash text        NOT NULL,
    user_id    uuid        NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    CONSTRAINT password_reset_tokens_pk PRIMARY KEY (token_hash)
);
CREATE INDEX password_reset_tokens_by_user ON directory.password_reset_tokens (user_id);
-- Sessions of an account across its centers, to end them on a password change.
CREATE INDEX session_tokens_by_user ON directory.session_tokens (user_id);
