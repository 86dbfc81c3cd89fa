-- The platform's incident register in one read (issue 8): when each center was sent its notice of
-- an incident, across centers, from a narrow global table instead of one unit of work per center.
-- Ids, the notice's kind and the time only; the notice's title and text stay in the center's rows.
-- Kept by a trigger on the center's rows, so it is written in the same transaction as the notice
-- whatever code path writes it (notices are never changed or deleted). Not SECURITY DEFINER: the
-- app role writes the directory anyway.
CREATE TABLE directory.notices_sent (
    kind       text        NOT NULL,
    subject_id uuid        NOT NULL,
    tenant_id  uuid        NOT NULL,
    sent_at    timestamptz NOT NULL,
    CONSTRAINT notices_sent_pk PRIMARY KEY (kind, subject_id, tenant_id)
);

CREATE FUNCTION public.qleven_directory_notice_sent() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO directory.notices_sent (kind, subject_id, tenant_id, sent_at)
    VALUES (NEW.kind, NEW.subject_id, NEW.tenant_id, NEW.created_at)
    ON CONFLICT (kind, subject_id, tenant_id) DO UPDATE SET sent_at = least(directory.notices_sent.sent_at, EXCLUDED.sent_at);
    RETURN NULL;
END
$$;

CREATE TRIGGER center_notifications_directory_sent AFTER INSERT ON public.center_notifications
    FOR EACH ROW EXECUTE FUNCTION public.qleven_directory_notice_sent();

-- What exists already, one center at a time under its own row-level security.
DO $$
DECLARE
    center uuid;
BEGIN
    FOR center IN SELECT DISTINCT tenant_id FROM directory.memberships LOOP
        PERFORM set_config('qleven.tenant_id', center::text, true);
        INSERT INTO directory.notices_sent (kind, subject_id, tenant_id, sent_at)
        SELECT kind, subject_id, tenant_id, min(created_at) FROM public.center_notifications
        WHERE tenant_id = center GROUP BY kind, subject_id, tenant_id
        ON CONFLICT DO NOTHING;
    END LOOP;
    PERFORM set_config('qleven.tenant_id', '', true);
END
$$;

-- The privacy-deadline gauges in one read: the due time of every open privacy request, across
-- centers, ids and times only. Kept by a trigger on the center's rows in the same transaction: a
-- request is listed while open, its due time follows an extension, and it leaves the list when
-- completed.
CREATE TABLE directory.privacy_deadlines (
    tenant_id  uuid        NOT NULL,
    request_id uuid        NOT NULL,
    due_at     timestamptz NOT NULL,
    CONSTRAINT privacy_deadlines_pk PRIMARY KEY (tenant_id, request_id)
);
CREATE INDEX privacy_deadlines_by_due ON directory.privacy_deadlines (due_at);

CREATE FUNCTION public.qleven_directory_privacy_deadline() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'DELETE' OR NEW.completed_at IS NOT NULL THEN
        DELETE FROM directory.privacy_deadlines WHERE tenant_id = OLD.tenant_id AND request_id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.completed_at IS NULL THEN
        INSERT INTO directory.privacy_deadlines (tenant_id, request_id, due_at)
        VALUES (NEW.tenant_id, NEW.id, NEW.due_at)
        ON CONFLICT (tenant_id, request_id) DO UPDATE SET due_at = EXCLUDED.due_at;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER privacy_requests_directory_deadline AFTER INSERT OR UPDATE OR DELETE ON public.privacy_requests
    FOR EACH ROW EXECUTE FUNCTION public.qleven_directory_privacy_deadline();

DO $$
DECLARE
    center uuid;
BEGIN
    FOR center IN SELECT tenant_id FROM directory.privacy_request_centers LOOP
        PERFORM set_config('qleven.tenant_id', center::text, true);
        INSERT INTO directory.privacy_deadlines (tenant_id, request_id, due_at)
        SELECT tenant_id, id, due_at FROM public.privacy_requests WHERE tenant_id = center AND completed_at IS NULL
        ON CONFLICT DO NOTHING;
    END LOOP;
    PERFORM set_config('qleven.tenant_id', '', true);
END
$$;
