-- Members of a center: a center that adds a person whose email already has an account asks for a
-- membership, which stays pending until the person accepts it (signed in, or through a mailed link
-- with their own password). While pending, the center sees only what its administrator typed,
-- kept here as ciphertext, never the account's own fields; the account can neither sign in to the
-- center nor act in it, and the center is no choice at sign-in. Declining deletes the row.
ALTER TABLE public.memberships ADD COLUMN pending boolean NOT NULL DEFAULT false;
ALTER TABLE public.memberships ADD COLUMN typed_full_name bytea;
ALTER TABLE public.memberships ADD COLUMN typed_email bytea;
ALTER TABLE public.memberships ADD COLUMN typed_phone bytea;
ALTER TABLE public.memberships ADD CONSTRAINT memberships_typed_only_while_pending
    CHECK (pending OR (typed_full_name IS NULL AND typed_email IS NULL AND typed_phone IS NULL));
ALTER TABLE public.memberships ADD CONSTRAINT memberships_pending_typed
    CHECK (NOT pending OR (typed_full_name IS NOT NULL AND typed_email IS NOT NULL));

-- The active administrators the last-administrator check locks are the ones who agreed.
DROP INDEX public.memberships_active_administrators;
CREATE INDEX memberships_active_administrators ON public.memberships (tenant_id, user_id)
    WHERE role = 'administrator' AND active AND NOT pending;

-- The directory tells sign-in which centers an account agreed to, and the person which centers
-- asked them to join.
ALTER TABLE directory.memberships ADD COLUMN pending boolean NOT NULL DEFAULT false;

-- Links that let an existing account accept a pending membership with its own password.
CREATE TABLE directory.membership_tokens (
    token_hash text        NOT NULL,
    tenant_id  uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    expires_at timestamptz NOT NULL,
    CONSTRAINT membership_tokens_pk PRIMARY KEY (token_hash)
);
CREATE INDEX membership_tokens_by_membership ON directory.membership_tokens (user_id, tenant_id);
