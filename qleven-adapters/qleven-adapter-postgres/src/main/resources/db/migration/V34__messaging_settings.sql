-- Messaging settings (issue 11): one row per center once an administrator saves them; the defaults
-- (reminders 24 h and 2 h before, 40 sends per second, content kept 90 days) until then. The checks
-- repeat the domain's bounds (MessagingSettings, ReminderSchedule) so no path stores what the core
-- would refuse to read back.
CREATE TABLE public.messaging_settings (
    tenant_id                uuid        NOT NULL,
    -- Offsets before an appointment's start, in seconds, longest first; none means no reminders.
    reminder_offsets_seconds integer[]   NOT NULL
        CHECK (cardinality(reminder_offsets_seconds) <= 5
               AND array_position(reminder_offsets_seconds, NULL) IS NULL
               AND 300 <= ALL (reminder_offsets_seconds) AND 1209600 >= ALL (reminder_offsets_seconds)),
    sends_per_second         integer     NOT NULL CHECK (sends_per_second BETWEEN 1 AND 80),
    content_retention_days   integer     NOT NULL CHECK (content_retention_days BETWEEN 1 AND 3650),
    version                  bigint      NOT NULL CHECK (version >= 1),
    updated_at               timestamptz NOT NULL,
    CONSTRAINT messaging_settings_pk PRIMARY KEY (tenant_id),
    CONSTRAINT messaging_settings_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id)
);

ALTER TABLE public.messaging_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.messaging_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.messaging_settings
    USING (tenant_id = (SELECT public.qleven_current_tenant()))
    WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()));
