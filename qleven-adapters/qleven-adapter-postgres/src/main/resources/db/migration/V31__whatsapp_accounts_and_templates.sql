-- WhatsApp (issue 11, items 2 and 3): each center's connected number, its template registry, the
-- directory that finds a center by Meta's phone-number id or business account, and the language a
-- client prefers for messages.

-- A center connects one number. The access token is AES-256-GCM ciphertext under the center's
-- whatsapp key, bound to the center and the phone-number id (application.messaging.TokenSeal); it
-- never appears in clear here. Meta's ids are Graph node ids (digits; letters and '_' for invented
-- ids in tests), never a path separator. The display number is the business's own, not a person's.
CREATE TABLE public.whatsapp_accounts (
    tenant_id            uuid        NOT NULL,
    phone_number_id      text        NOT NULL CHECK (phone_number_id ~ '^[A-Za-z0-9_]{1,64}$'),
    waba_id              text        NOT NULL CHECK (waba_id ~ '^[A-Za-z0-9_]{1,64}$'),
    display_phone_number text        NOT NULL CHECK (char_length(display_phone_number) BETWEEN 1 AND 40),
    sealed_token         bytea       NOT NULL,
    status               text        NOT NULL CHECK (status IN ('connected', 'reconnect_needed')),
    connected_at         timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    version              bigint      NOT NULL CHECK (version >= 0),
    CONSTRAINT whatsapp_accounts_pk PRIMARY KEY (tenant_id),
    CONSTRAINT whatsapp_accounts_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id),
    CONSTRAINT whatsapp_accounts_times CHECK (updated_at >= connected_at)
);

-- The registry, as Meta last told (sync or the template-status webhook) and as an administrator
-- mapped it. Components are two arrays of the same length: each component's key (header, body,
-- footer, button.N) and its text, in Meta's order. The mapping likewise: for each placeholder in
-- order, the component it is in and its source (client.first_name, …). A mapping only comes with a
-- purpose. Names and languages are Meta's (order_ready, es, en_US), unique per center, in
-- byte order ("C") so that every store lists them alike.
CREATE TABLE public.whatsapp_templates (
    tenant_id         uuid        NOT NULL,
    id                uuid        NOT NULL,
    name              text        COLLATE "C" NOT NULL CHECK (name ~ '^[a-z0-9_]+$' AND char_length(name) <= 512),
    language          text        COLLATE "C" NOT NULL CHECK (language ~ '^[a-z]{2,3}(_[A-Z]{2})?$'),
    category          text        NOT NULL CHECK (category IN ('MARKETING', 'UTILITY', 'AUTHENTICATION')),
    component_keys    text[]      NOT NULL,
    component_texts   text[]      NOT NULL,
    status            text        NOT NULL CHECK (status IN ('APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED',
                                      'IN_APPEAL', 'FLAGGED', 'REINSTATED', 'PENDING_DELETION', 'DELETED', 'ARCHIVED',
                                      'UNARCHIVED', 'LIMIT_EXCEEDED', 'LOCKED')),
    purpose           text        CHECK (purpose IN ('confirmation', 'reminder', 'change', 'cancellation', 'follow_up',
                                      'marketing')),
    parameter_components text[]   NOT NULL DEFAULT '{}',
    parameter_sources    text[]   NOT NULL DEFAULT '{}',
    updated_at        timestamptz NOT NULL,
    CONSTRAINT whatsapp_templates_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT whatsapp_templates_name_language UNIQUE (tenant_id, name, language),
    CONSTRAINT whatsapp_templates_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id),
    CONSTRAINT whatsapp_templates_components CHECK (
        cardinality(component_keys) BETWEEN 1 AND 20 AND cardinality(component_keys) = cardinality(component_texts)),
    CONSTRAINT whatsapp_templates_parameters CHECK (
        cardinality(parameter_components) = cardinality(parameter_sources)
        AND (purpose IS NOT NULL OR cardinality(parameter_components) = 0))
);
-- What a message picks from: the approved templates of a purpose.
CREATE INDEX whatsapp_templates_sendable ON public.whatsapp_templates (tenant_id, purpose)
    WHERE status = 'APPROVED' AND purpose IS NOT NULL;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['whatsapp_accounts', 'whatsapp_templates'] LOOP
        EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON public.%I '
                       'USING (tenant_id = (SELECT public.qleven_current_tenant())) '
                       'WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()))', t);
    END LOOP;
END
$$;

-- Webhooks name a phone-number id (messages, statuses) or a business account (templates, account
-- updates) before anyone knows the center. Ids only. A phone-number id belongs to one center; a
-- business account may be shared by several centers of one owner. Written by the accounts
-- repository in the same unit of work as the center's row (PostgresWhatsAppAccounts.save).
CREATE TABLE directory.whatsapp_numbers (
    phone_number_id text NOT NULL,
    tenant_id       uuid NOT NULL,
    waba_id         text NOT NULL,
    CONSTRAINT whatsapp_numbers_pk PRIMARY KEY (phone_number_id)
);
CREATE INDEX whatsapp_numbers_of_center ON directory.whatsapp_numbers (tenant_id);
CREATE INDEX whatsapp_numbers_by_business_account ON directory.whatsapp_numbers (waba_id, tenant_id);

-- The language a client prefers for messages, as a BCP 47 tag (es, fr-MA, ar); none means the
-- center's locale. A preference, not an identifier: kept in clear like the birth year, and cleared
-- by an erasure with the rest of the record.
ALTER TABLE public.clients ADD COLUMN preferred_language text
    CHECK (preferred_language ~ '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$' AND char_length(preferred_language) <= 35);
