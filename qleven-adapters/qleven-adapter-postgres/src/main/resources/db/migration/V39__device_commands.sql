-- The device command outbox (issue 13): every command to a machine with its fate, written in the unit
-- of the request that queued it, claimed by dispatchers on any number of hosts with FOR UPDATE SKIP
-- LOCKED, and moved by the device's acks. Machine parameters only: nothing about the client.
CREATE TABLE public.device_commands (
    tenant_id      uuid        NOT NULL,
    id             uuid        NOT NULL,
    device_id      uuid        NOT NULL,
    type           text        NOT NULL CHECK (type IN ('arm', 'disarm', 'stop', 'lock', 'unlock', 'set_parameters')),
    parameters     jsonb       NOT NULL CHECK (jsonb_typeof(parameters) = 'object'),
    appointment_id uuid,
    issued_by      uuid        NOT NULL,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    status         text        NOT NULL CHECK (status IN ('queued', 'sent', 'accepted', 'done', 'rejected', 'expired',
                                                         'failed')),
    status_at      timestamptz NOT NULL,
    attempts       integer     NOT NULL CHECK (attempts >= 0),
    due_at         timestamptz,
    detail         text        CHECK (char_length(detail) <= 500),
    CONSTRAINT device_commands_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT device_commands_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id),
    CONSTRAINT device_commands_appointment_fk FOREIGN KEY (tenant_id, appointment_id)
        REFERENCES public.appointments (tenant_id, id) ON DELETE SET NULL (appointment_id),
    CONSTRAINT device_commands_lifetime CHECK (expires_at > created_at),
    CONSTRAINT device_commands_due CHECK ((status <> 'queued' OR due_at IS NOT NULL)
        AND (due_at IS NULL OR status IN ('queued', 'sent'))),
    CONSTRAINT device_commands_sent_attempted CHECK (status <> 'sent' OR attempts > 0)
);
-- What the dispatcher locks: the center's waiting commands by the time it must act (due or expiring).
CREATE INDEX device_commands_waiting ON public.device_commands
    (tenant_id, (least(coalesce(due_at, expires_at), expires_at)), id) WHERE status IN ('queued', 'sent');
-- A device's waiting commands (redelivery on reconnect, failure on revocation) and its list, newest first.
CREATE INDEX device_commands_of_device ON public.device_commands (tenant_id, device_id, created_at DESC, id DESC);

ALTER TABLE public.device_commands ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.device_commands FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.device_commands
    USING (tenant_id = (SELECT public.qleven_current_tenant()))
    WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()));

-- The centers with command dispatch work, as directory.whatsapp_dispatch_due (V32) does for WhatsApp:
-- due_at is the earliest time the dispatcher must act on one of the center's waiting commands (its due
-- time, or its expiry if earlier); a dispatcher leases a center while it works on it, and any change of
-- the center's waiting commands ends the lease. Center ids and times only. Kept in step by a trigger.
CREATE TABLE directory.device_dispatch_due (
    tenant_id   uuid        NOT NULL,
    due_at      timestamptz NOT NULL,
    lease_until timestamptz,
    CONSTRAINT device_dispatch_due_pk PRIMARY KEY (tenant_id)
);
CREATE INDEX device_dispatch_due_at ON directory.device_dispatch_due (due_at);

CREATE FUNCTION public.qleven_directory_device_dispatch_due_refresh(center uuid) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    earliest timestamptz;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('qleven.device_dispatch_due:' || center::text, 0));
    SELECT min(least(coalesce(due_at, expires_at), expires_at)) FROM public.device_commands
    WHERE tenant_id = center AND status IN ('queued', 'sent')
    INTO earliest;
    IF earliest IS NULL THEN
        DELETE FROM directory.device_dispatch_due WHERE tenant_id = center;
    ELSE
        INSERT INTO directory.device_dispatch_due (tenant_id, due_at, lease_until) VALUES (center, earliest, NULL)
        ON CONFLICT (tenant_id) DO UPDATE SET due_at = EXCLUDED.due_at, lease_until = NULL;
    END IF;
END
$$;

CREATE FUNCTION public.qleven_directory_device_dispatch_due() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.status IN ('queued', 'sent') THEN
            PERFORM public.qleven_directory_device_dispatch_due_refresh(NEW.tenant_id);
        END IF;
    ELSIF TG_OP = 'DELETE' THEN
        IF OLD.status IN ('queued', 'sent') THEN
            PERFORM public.qleven_directory_device_dispatch_due_refresh(OLD.tenant_id);
        END IF;
    ELSIF OLD.status IN ('queued', 'sent') OR NEW.status IN ('queued', 'sent') THEN
        IF OLD.status IS DISTINCT FROM NEW.status OR OLD.due_at IS DISTINCT FROM NEW.due_at THEN
            PERFORM public.qleven_directory_device_dispatch_due_refresh(NEW.tenant_id);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER device_commands_directory_dispatch_due AFTER INSERT OR UPDATE OR DELETE ON public.device_commands
    FOR EACH ROW EXECUTE FUNCTION public.qleven_directory_device_dispatch_due();
