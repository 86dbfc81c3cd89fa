-- Sign-in's choice of center and one's own list of memberships in one look-up (issue 8): the
-- directory, which already tells which centers an account agreed to or was asked to join, also
-- tells whether the center deactivated the membership, its role and since when, and what the center
-- is called, so that neither reads the centers' rows one by one. Ids, flags, a role, a time and
-- the center's business name only; no personal data.
--
-- Both are kept in step by triggers on the center's rows, so they change in the same transaction
-- as the center's write whatever code path makes it. The triggers run with the writer's rights
-- (not SECURITY DEFINER): the app role writes the directory anyway. The center's own unit of work
-- still checks the membership when the session is opened.

ALTER TABLE directory.memberships
    ADD COLUMN active boolean NOT NULL DEFAULT true,
    -- The role and the membership's own creation time, for one's list of memberships; null where the
    -- directory row was written without the center's row in sight (the center's unit then tells).
    ADD COLUMN role text,
    ADD COLUMN since timestamptz;

CREATE TABLE directory.center_names (
    tenant_id uuid NOT NULL,
    name      text NOT NULL,
    CONSTRAINT center_names_pk PRIMARY KEY (tenant_id)
);

CREATE FUNCTION public.qleven_directory_center_name() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO directory.center_names (tenant_id, name) VALUES (NEW.tenant_id, NEW.name)
    ON CONFLICT (tenant_id) DO UPDATE SET name = EXCLUDED.name;
    RETURN NULL;
END
$$;

CREATE TRIGGER centers_directory_name AFTER INSERT OR UPDATE OF name ON public.centers
    FOR EACH ROW EXECUTE FUNCTION public.qleven_directory_center_name();

-- The center's membership row moves the directory's copy of its flag, role and time with it. The
-- directory row is written after the center's row, in the same unit of work: it takes them then.
CREATE FUNCTION public.qleven_directory_membership_details() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE directory.memberships SET active = NEW.active, role = NEW.role, since = NEW.created_at
    WHERE user_id = NEW.user_id AND tenant_id = NEW.tenant_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER memberships_directory_details AFTER INSERT OR UPDATE OF active, role, created_at ON public.memberships
    FOR EACH ROW EXECUTE FUNCTION public.qleven_directory_membership_details();

CREATE FUNCTION public.qleven_directory_membership_from_center() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    m record;
BEGIN
    -- Row-level security shows the center's row only in that center's unit of work; otherwise the
    -- directory row keeps its defaults and the center's unit tells the rest.
    SELECT active, role, created_at INTO m FROM public.memberships
    WHERE tenant_id = NEW.tenant_id AND user_id = NEW.user_id;
    IF FOUND THEN
        NEW.active := m.active;
        NEW.role := m.role;
        NEW.since := m.created_at;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER directory_memberships_from_center BEFORE INSERT ON directory.memberships
    FOR EACH ROW EXECUTE FUNCTION public.qleven_directory_membership_from_center();

-- What exists already, one center at a time under its own row-level security (the owner may be
-- subject to it: the tables force it).
DO $$
DECLARE
    center uuid;
BEGIN
    FOR center IN SELECT DISTINCT tenant_id FROM directory.memberships LOOP
        PERFORM set_config('qleven.tenant_id', center::text, true);
        INSERT INTO directory.center_names (tenant_id, name)
        SELECT tenant_id, name FROM public.centers WHERE tenant_id = center
        ON CONFLICT (tenant_id) DO NOTHING;
        UPDATE directory.memberships d SET active = m.active, role = m.role, since = m.created_at
        FROM public.memberships m
        WHERE m.tenant_id = center AND d.tenant_id = center AND d.user_id = m.user_id;
    END LOOP;
    PERFORM set_config('qleven.tenant_id', '', true);
END
$$;
