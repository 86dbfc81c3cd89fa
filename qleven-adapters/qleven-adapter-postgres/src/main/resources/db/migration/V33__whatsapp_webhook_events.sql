-- WhatsApp webhooks (issue 11, item 5): every POST Meta makes is kept before it is answered, sealed
-- (it holds phone numbers and message text), and processed after by a job; and what delivery
-- statuses add to an outbound message beyond its status.

-- The inbox. Global: the center is known only once the body is read. Its rows are for the global
-- units of the receiver and the job alone: the policy hides them from a center's unit (where the
-- tenant setting is set) and refuses a center's unit writing one, so no tenant code path can read
-- another center's webhooks. The body is AES-GCM ciphertext under the platform's webhook key.
CREATE TABLE public.whatsapp_webhook_events (
    id           uuid        NOT NULL,
    received_at  timestamptz NOT NULL,
    body         bytea       NOT NULL,
    processed_at timestamptz,
    -- Given up on: not JSON, or not opened after repeated attempts. Processed, never claimed again.
    unreadable   boolean     NOT NULL DEFAULT false,
    attempts     integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- Claimed by a job until then (SKIP LOCKED under a lease, so hosts side by side share the work).
    lease_until  timestamptz,
    CONSTRAINT whatsapp_webhook_events_pk PRIMARY KEY (id),
    CONSTRAINT whatsapp_webhook_events_unreadable_is_processed CHECK (NOT unreadable OR processed_at IS NOT NULL)
);
-- The job's claim: unprocessed events, oldest first.
CREATE INDEX whatsapp_webhook_events_unprocessed ON public.whatsapp_webhook_events (received_at, id)
    WHERE processed_at IS NULL;
-- The purge of processed events past their retention.
CREATE INDEX whatsapp_webhook_events_processed ON public.whatsapp_webhook_events (received_at)
    WHERE processed_at IS NOT NULL;

ALTER TABLE public.whatsapp_webhook_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.whatsapp_webhook_events FORCE ROW LEVEL SECURITY;
CREATE POLICY global_units_only ON public.whatsapp_webhook_events
    USING ((SELECT public.qleven_current_tenant()) IS NULL)
    WITH CHECK ((SELECT public.qleven_current_tenant()) IS NULL);

-- What statuses added to a center's outbound message: the pricing, the conversation and the last
-- error of a failed status, each with the time of the status it came from (so replays in any order
-- keep the same values). Meta's category and error texts only: no personal data.
CREATE TABLE public.message_delivery_reports (
    tenant_id          uuid        NOT NULL,
    message_id         uuid        NOT NULL,
    pricing_category   text        CHECK (char_length(pricing_category) <= 64),
    pricing_model      text        CHECK (char_length(pricing_model) <= 64),
    pricing_billable   boolean,
    pricing_type       text        CHECK (char_length(pricing_type) <= 64),
    pricing_at         timestamptz,
    conversation_id    text        CHECK (char_length(conversation_id) <= 256),
    conversation_origin text      CHECK (char_length(conversation_origin) <= 64),
    conversation_at    timestamptz,
    error_code         integer,
    error_title        text        CHECK (char_length(error_title) <= 512),
    error_message      text        CHECK (char_length(error_message) <= 1024),
    error_details      text        CHECK (char_length(error_details) <= 2048),
    error_at           timestamptz,
    CONSTRAINT message_delivery_reports_pk PRIMARY KEY (tenant_id, message_id),
    -- A message deleted (retention, erasure) takes its report with it.
    CONSTRAINT message_delivery_reports_message_fk FOREIGN KEY (tenant_id, message_id)
        REFERENCES public.outbound_messages (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT message_delivery_reports_pricing_timed CHECK (pricing_at IS NOT NULL OR (pricing_category IS NULL
        AND pricing_model IS NULL AND pricing_billable IS NULL AND pricing_type IS NULL)),
    CONSTRAINT message_delivery_reports_conversation_whole CHECK ((conversation_id IS NULL) = (conversation_at IS NULL)),
    CONSTRAINT message_delivery_reports_error_whole CHECK ((error_code IS NULL) = (error_at IS NULL))
);

ALTER TABLE public.message_delivery_reports ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.message_delivery_reports FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.message_delivery_reports
    USING (tenant_id = (SELECT public.qleven_current_tenant()))
    WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()));
