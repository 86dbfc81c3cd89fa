-- The WhatsApp outbox (issue 11, item 4): every outbound message with its fate, written in the unit of
-- work of its cause, claimed by dispatchers on any number of hosts with FOR UPDATE SKIP LOCKED, and
-- moved by Meta's status webhooks. No personal data in clear: the recipient's number is read from the
-- client when the message is sent, never stored here, and the rendered parameters are sealed under
-- the client's data key (an erasure shreds the key, and the erasure empties the column too).
CREATE TABLE public.outbound_messages (
    tenant_id         uuid        NOT NULL,
    id                uuid        NOT NULL,
    client_id         uuid        NOT NULL,
    appointment_id    uuid,
    purpose           text        NOT NULL CHECK (purpose IN ('confirmation', 'reminder', 'change', 'cancellation',
                                                             'follow_up', 'marketing')),
    status            text        NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'read',
                                                            'failed', 'uncertain', 'skipped')),
    status_at         timestamptz NOT NULL,
    attempts          integer     NOT NULL CHECK (attempts >= 0),
    next_attempt_at   timestamptz,
    wamid             text        CHECK (char_length(wamid) BETWEEN 1 AND 512),
    failure_code      integer,
    failure_kind      text        CHECK (failure_kind IN ('retry_later', 'retry_recipient_later', 'reconnect', 'never')),
    failure_detail    text        CHECK (char_length(failure_detail) <= 2000),
    -- A lowercase code (SkipReason's wire name); no closed list, so a new reason needs no migration.
    skip_reason       text        CHECK (skip_reason ~ '^[a-z][a-z0-9_]{0,63}$'),
    resend_of         uuid,
    template_id       uuid,
    template_name     text        CHECK (char_length(template_name) BETWEEN 1 AND 512),
    template_language text        CHECK (char_length(template_language) BETWEEN 1 AND 16),
    parameters        bytea       NOT NULL,
    created_at        timestamptz NOT NULL,
    CONSTRAINT outbound_messages_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT outbound_messages_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id),
    CONSTRAINT outbound_messages_resend_of_fk FOREIGN KEY (tenant_id, resend_of)
        REFERENCES public.outbound_messages (tenant_id, id),
    CONSTRAINT outbound_messages_next_attempt CHECK ((next_attempt_at IS NOT NULL) = (status = 'queued')),
    CONSTRAINT outbound_messages_skip_reason CHECK ((skip_reason IS NOT NULL) = (status = 'skipped')),
    CONSTRAINT outbound_messages_failure CHECK ((failure_code IS NULL) = (failure_kind IS NULL)
        AND (failure_detail IS NULL OR failure_code IS NOT NULL)
        AND (failure_code IS NULL OR status IN ('queued', 'failed'))
        AND (status <> 'failed' OR failure_code IS NOT NULL)),
    CONSTRAINT outbound_messages_accepted_wamid CHECK (status NOT IN ('sent', 'delivered', 'read') OR wamid IS NOT NULL),
    CONSTRAINT outbound_messages_template CHECK ((template_id IS NULL) = (template_name IS NULL)
        AND (template_name IS NULL) = (template_language IS NULL))
);
-- A wamid names one message of the center (a status webhook finds it by it).
CREATE UNIQUE INDEX outbound_messages_wamid ON public.outbound_messages (tenant_id, wamid) WHERE wamid IS NOT NULL;
-- What the dispatcher claims: the center's queued messages, oldest due first.
CREATE INDEX outbound_messages_due ON public.outbound_messages (tenant_id, next_attempt_at, id) WHERE status = 'queued';
-- Messages whose call never reported back (a crash mid-send), for the sweep that makes them uncertain.
CREATE INDEX outbound_messages_sending ON public.outbound_messages (tenant_id, status_at, id) WHERE status = 'sending';
-- Staff lists, keyset paged: a client's and an appointment's messages newest first, the uncertain oldest first.
CREATE INDEX outbound_messages_of_client ON public.outbound_messages (tenant_id, client_id, created_at DESC, id DESC);
CREATE INDEX outbound_messages_of_appointment ON public.outbound_messages
    (tenant_id, appointment_id, created_at DESC, id DESC) WHERE appointment_id IS NOT NULL;
CREATE INDEX outbound_messages_uncertain ON public.outbound_messages (tenant_id, status_at, id) WHERE status = 'uncertain';

ALTER TABLE public.outbound_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.outbound_messages FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.outbound_messages
    USING (tenant_id = (SELECT public.qleven_current_tenant()))
    WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()));

-- The centers with dispatch work, so that dispatchers find them in one read without looping over
-- every center (a center's messages are visible only in its own unit): due_at is the earliest of the
-- center's queued messages' next attempts and of its sending messages' start plus two minutes (a
-- message still sending then is one whose host died mid-call: the sweep makes it uncertain). A
-- dispatcher leases a center (lease_until) while it works on it; any change of the center's queue
-- ends the lease, since the row then says afresh when the center is next due. Center ids and times
-- only. Kept in step by a trigger, as V21 keeps directory.waitlist_offer_due.
CREATE TABLE directory.whatsapp_dispatch_due (
    tenant_id   uuid        NOT NULL,
    due_at      timestamptz NOT NULL,
    lease_until timestamptz,
    CONSTRAINT whatsapp_dispatch_due_pk PRIMARY KEY (tenant_id)
);
CREATE INDEX whatsapp_dispatch_due_at ON directory.whatsapp_dispatch_due (due_at);

-- Recomputes the center's row in the center's unit of work. The transaction-scoped lock keeps two
-- units of one center from each computing the time without the other's uncommitted change and the
-- later one overwriting (or deleting) the row.
CREATE FUNCTION public.qleven_directory_whatsapp_dispatch_due_refresh(center uuid) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    earliest timestamptz;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('qleven.whatsapp_dispatch_due:' || center::text, 0));
    SELECT least(
        (SELECT min(next_attempt_at) FROM public.outbound_messages WHERE tenant_id = center AND status = 'queued'),
        (SELECT min(status_at) + interval '2 minutes' FROM public.outbound_messages
         WHERE tenant_id = center AND status = 'sending'))
    INTO earliest;
    IF earliest IS NULL THEN
        DELETE FROM directory.whatsapp_dispatch_due WHERE tenant_id = center;
    ELSE
        INSERT INTO directory.whatsapp_dispatch_due (tenant_id, due_at, lease_until) VALUES (center, earliest, NULL)
        ON CONFLICT (tenant_id) DO UPDATE SET due_at = EXCLUDED.due_at, lease_until = NULL;
    END IF;
END
$$;

-- Only writes that add, end or move dispatch work recompute: a delivery status on a sent message,
-- the staff's reads and the rest take no lock and read nothing.
CREATE FUNCTION public.qleven_directory_whatsapp_dispatch_due() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.status IN ('queued', 'sending') THEN
            PERFORM public.qleven_directory_whatsapp_dispatch_due_refresh(NEW.tenant_id);
        END IF;
    ELSIF TG_OP = 'DELETE' THEN
        IF OLD.status IN ('queued', 'sending') THEN
            PERFORM public.qleven_directory_whatsapp_dispatch_due_refresh(OLD.tenant_id);
        END IF;
    ELSIF OLD.status IN ('queued', 'sending') OR NEW.status IN ('queued', 'sending') THEN
        IF OLD.status IS DISTINCT FROM NEW.status OR OLD.next_attempt_at IS DISTINCT FROM NEW.next_attempt_at
            OR OLD.status_at IS DISTINCT FROM NEW.status_at THEN
            PERFORM public.qleven_directory_whatsapp_dispatch_due_refresh(NEW.tenant_id);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER outbound_messages_directory_dispatch_due AFTER INSERT OR UPDATE OR DELETE ON public.outbound_messages
    FOR EACH ROW EXECUTE FUNCTION public.qleven_directory_whatsapp_dispatch_due();

-- Token buckets shared by every host (SendBudgets): one per sending number and one per recipient of a
-- number. The key holds Graph ids and a keyed hash of the recipient, never a phone number. A take
-- locks the row to its commit, so two hosts never spend the same tokens.
CREATE TABLE directory.whatsapp_send_buckets (
    key          text        NOT NULL CHECK (char_length(key) BETWEEN 1 AND 200),
    micro_tokens bigint      NOT NULL CHECK (micro_tokens >= 0),
    refilled_at  timestamptz NOT NULL,
    CONSTRAINT whatsapp_send_buckets_pk PRIMARY KEY (key)
);
