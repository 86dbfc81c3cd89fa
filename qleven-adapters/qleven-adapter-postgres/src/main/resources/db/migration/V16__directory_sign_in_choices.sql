-- Sign-in's choice of center in one look-up (issue 8): the directory, which already tells which
-- centers an account agreed to, also tells whether the center deactivated the membership and what
-- the center is called, so that sign-in reads no center's rows one by one to offer its centers.
-- Ids, a flag and the center's business name only; no personal data.
--
-- Both are kept in step by triggers on the center's rows, so they change in the same transaction
-- as the center's write whatever code path makes it. The triggers run with the writer's rights
-- (not SECURITY DEFINER): the app role writes the directory anyway. The center's own unit of work
-- still checks the membership when the session is opened.

ALTER TABLE directory.memberships ADD COLUMN active boolean NOT NULL DEFAULT true;

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

-- A membership is created active (the directory's default); deactivating or reactivating it moves
-- the directory's flag with it.
CREATE FUNCTION public.qleven_directory_membership_active() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE directory.memberships SET active = NEW.active
    WHERE user_id = NEW.user_id AND tenant_id = NEW.tenant_id AND active IS DISTINCT FROM NEW.active;
    RETURN NULL;
END
$$;

CREATE TRIGGER memberships_directory_active AFTER INSERT OR UPDATE OF active ON public.memberships
    FOR EACH ROW EXECUTE FUNCTION public.qleven_directory_membership_active();

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
        UPDATE directory.memberships d SET active = m.active
        FROM public.memberships m
        WHERE m.tenant_id = center AND d.tenant_id = center AND d.user_id = m.user_id;
    END LOOP;
    PERFORM set_config('qleven.tenant_id', '', true);
END
$$;
