-- Marketing campaigns (issue 12, item 5): a campaign names a MARKETING template and the segment its
-- clients were matched by when it was created; campaign_recipients links each matched client to the
-- one outbound message queued for them in the same unit of work. Progress is read by one aggregate
-- over the recipients joined to their messages; a cancellation skips the queued ones in one statement.
-- Ids, dates and counts only: a campaign's name is the center's, nothing personal is stored here.
CREATE TABLE public.campaigns (
    tenant_id             uuid        NOT NULL,
    id                    uuid        NOT NULL,
    name                  text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
    template_id           uuid        NOT NULL,
    -- 'completed' is worked out when read: a running campaign none of whose messages is queued or sending.
    status                text        NOT NULL CHECK (status IN ('running', 'cancelled')),
    last_visit_before     date,
    include_never_visited boolean     NOT NULL,
    service_ids           uuid[]      NOT NULL CHECK (cardinality(service_ids) <= 100),
    birthday_month        smallint    CHECK (birthday_month BETWEEN 1 AND 12),
    package_holders       boolean     NOT NULL,
    no_shows_at_least     integer     CHECK (no_shows_at_least BETWEEN 1 AND 1000),
    client_ids            uuid[]      NOT NULL CHECK (cardinality(client_ids) <= 10000),
    created_by            uuid        NOT NULL,
    created_at            timestamptz NOT NULL,
    cancelled_at          timestamptz,
    CONSTRAINT campaigns_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT campaigns_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id),
    CONSTRAINT campaigns_cancelled CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
    CONSTRAINT campaigns_never_visited CHECK (NOT include_never_visited OR last_visit_before IS NOT NULL)
);
-- The list, newest first, keyset paged.
CREATE INDEX campaigns_newest ON public.campaigns (tenant_id, created_at DESC, id DESC);

CREATE TABLE public.campaign_recipients (
    tenant_id   uuid NOT NULL,
    campaign_id uuid NOT NULL,
    client_id   uuid NOT NULL,
    message_id  uuid NOT NULL,
    CONSTRAINT campaign_recipients_pk PRIMARY KEY (tenant_id, campaign_id, client_id),
    CONSTRAINT campaign_recipients_campaign_fk FOREIGN KEY (tenant_id, campaign_id)
        REFERENCES public.campaigns (tenant_id, id),
    -- An erasure deletes the client's never-sent messages: their link goes with them.
    CONSTRAINT campaign_recipients_message_fk FOREIGN KEY (tenant_id, message_id)
        REFERENCES public.outbound_messages (tenant_id, id) ON DELETE CASCADE
);
-- A message belongs to one campaign at most; the frequency cap and replies find a message's campaign.
CREATE UNIQUE INDEX campaign_recipients_message ON public.campaign_recipients (tenant_id, message_id);
-- A client's campaigns (export, erasure).
CREATE INDEX campaign_recipients_of_client ON public.campaign_recipients (tenant_id, client_id);
-- The frequency cap counts a batch's clients' marketing messages sent since the window's start.
CREATE INDEX outbound_messages_marketing_of_client ON public.outbound_messages (tenant_id, client_id, status_at)
    WHERE purpose = 'marketing' AND status IN ('sending', 'sent', 'delivered', 'read', 'uncertain');

ALTER TABLE public.campaigns ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.campaigns FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.campaigns
    USING (tenant_id = (SELECT public.qleven_current_tenant()))
    WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()));

ALTER TABLE public.campaign_recipients ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.campaign_recipients FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.campaign_recipients
    USING (tenant_id = (SELECT public.qleven_current_tenant()))
    WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()));
