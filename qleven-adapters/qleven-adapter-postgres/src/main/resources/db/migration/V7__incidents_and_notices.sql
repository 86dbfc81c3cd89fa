-- The platform's incident register (policy section 12, P16). A breach is the platform's, as the
-- processor: the register is a global platform record, like the accounts, without tenant_id. The
-- centers it touched are listed in it so that an operator sees them all; a center reads only the
-- incidents naming it (the repositories filter on affected_centers), and its own notice of one
-- lives in its own rows below, under row-level security.
CREATE TABLE public.privacy_incidents (
    id               uuid        NOT NULL,
    detected_at      timestamptz NOT NULL,
    description      text        NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
    categories       text[]      NOT NULL CHECK (cardinality(categories) >= 1),
    affected_centers uuid[]      NOT NULL CHECK (cardinality(affected_centers) BETWEEN 1 AND 1000),
    reported_by      uuid        NOT NULL,
    reported_at      timestamptz NOT NULL CHECK (detected_at <= reported_at),
    CONSTRAINT privacy_incidents_pk PRIMARY KEY (id),
    CONSTRAINT privacy_incidents_reporter_fk FOREIGN KEY (reported_by) REFERENCES public.accounts (id)
);
CREATE INDEX privacy_incidents_newest ON public.privacy_incidents (detected_at, id);
CREATE INDEX privacy_incidents_centers ON public.privacy_incidents USING gin (affected_centers);

-- What the platform told a center, shown in its dashboard. Per center, so row-level security keeps
-- one center's notices from another; the time of the incident notice is the center's notification
-- time in the register.
CREATE TABLE public.center_notifications (
    tenant_id  uuid        NOT NULL,
    id         uuid        NOT NULL,
    kind       text        NOT NULL CHECK (kind ~ '^[a-z][a-z_]{0,39}$'),
    subject_id uuid        NOT NULL,
    title      text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body       text        NOT NULL CHECK (length(body) BETWEEN 1 AND 8000),
    created_at timestamptz NOT NULL,
    CONSTRAINT center_notifications_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT center_notifications_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id)
);
CREATE INDEX center_notifications_newest ON public.center_notifications (tenant_id, created_at, id);
CREATE INDEX center_notifications_subject ON public.center_notifications (tenant_id, kind, subject_id);

ALTER TABLE public.center_notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.center_notifications FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.center_notifications
    USING (tenant_id = (SELECT public.qleven_current_tenant()))
    WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()));

-- The platform's sub-processors (policy section 8) and the safeguard for data leaving the EU
-- (section 9): companies, never people, so a global table read by every center. Seeded with the
-- ones the policy names; the same entries, with the same ids, are Subprocessors.SEEDED in the code.
CREATE TABLE public.privacy_subprocessors (
    id                 uuid        NOT NULL,
    name               text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    purpose            text        NOT NULL CHECK (length(purpose) BETWEEN 1 AND 1000),
    region             text        NOT NULL CHECK (length(region) BETWEEN 1 AND 200),
    transfer_safeguard text        NOT NULL CHECK (length(transfer_safeguard) BETWEEN 1 AND 1000),
    updated_at         timestamptz NOT NULL,
    CONSTRAINT privacy_subprocessors_pk PRIMARY KEY (id)
);

INSERT INTO public.privacy_subprocessors (id, name, purpose, region, transfer_safeguard, updated_at) VALUES
    ('01940000-0000-7000-8000-000000000801', 'Meta Platforms, Inc.',
     'WhatsApp Cloud API for professional messaging: message content, recipient phone numbers and delivery metadata only',
     'United States',
     'EU-US Data Privacy Framework and the European Commission''s Standard Contractual Clauses (GDPR Art. 46)',
     '2026-01-01T00:00:00Z'),
    ('01940000-0000-7000-8000-000000000802', 'Vercel Inc.', 'Application hosting: HTTP request data',
     'European Union', 'Processed in the European Union; Standard Contractual Clauses for any transfer',
     '2026-01-01T00:00:00Z'),
    ('01940000-0000-7000-8000-000000000803', 'Supabase Inc.', 'Database hosting and file storage: stored data',
     'European Union', 'Processed in the European Union; Standard Contractual Clauses for any transfer',
     '2026-01-01T00:00:00Z');
