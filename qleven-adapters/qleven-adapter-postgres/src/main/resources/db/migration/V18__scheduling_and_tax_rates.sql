-- Scheduling (issue 9): each center's scheduling settings, catalogue (services, rooms, equipment),
-- staff schedules, appointments with the resources they occupy, the waitlist, and each center's
-- tax rates (billing's context, which services name by code). Three narrow directory tables find
-- a center before it is known: its public slug, a calendar feed's token hash, a manage link's
-- token hash. Ids and hashes only; a token itself is never stored.
--
-- No double booking: appointment_resources holds one row per professional, room and piece of
-- equipment an appointment occupies, over the occupied range including its buffers, and ONE
-- exclusion constraint refuses two active rows of the same resource whose ranges overlap, whatever
-- the application checked before (SQLSTATE 23P01). btree_gist is created in V1; repeated here so
-- the constraint's dependency is written where it is used.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Settings ----------------------------------------------------------------------------------------

-- Weekly opening hours as 'monday 09:00-13:00' entries (end '24:00' for the end of the day).
CREATE TABLE public.scheduling_settings (
    tenant_id                   uuid        NOT NULL,
    slug                        text        NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$'),
    locale                      text        NOT NULL,
    slot_minutes                integer     NOT NULL CHECK (slot_minutes > 0),
    opening_weekly              text[]      NOT NULL,
    closed_days                 date[]      NOT NULL,
    cancellation_window_hours   integer     NOT NULL CHECK (cancellation_window_hours >= 0),
    waitlist_offer_hold_minutes integer     NOT NULL CHECK (waitlist_offer_hold_minutes > 0),
    updated_at                  timestamptz NOT NULL,
    CONSTRAINT scheduling_settings_pk PRIMARY KEY (tenant_id),
    CONSTRAINT scheduling_settings_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id)
);

-- The public slug, unique across the platform, resolvable before the center is known.
CREATE TABLE directory.center_slugs (
    slug      text NOT NULL,
    tenant_id uuid NOT NULL,
    CONSTRAINT center_slugs_pk PRIMARY KEY (slug),
    CONSTRAINT center_slugs_one_per_center UNIQUE (tenant_id)
);

-- Tax rates (billing) -----------------------------------------------------------------------------

CREATE TABLE public.tax_rates (
    tenant_id     uuid         NOT NULL,
    code          text         NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9._-]{0,31}$'),
    name          text         NOT NULL,
    rate          numeric(4,2) NOT NULL CHECK (rate >= 0 AND rate < 100),
    exempt        boolean      NOT NULL,
    legal_mention text,
    created_at    timestamptz  NOT NULL,
    retired_at    timestamptz,
    CONSTRAINT tax_rates_pk PRIMARY KEY (tenant_id, code),
    CONSTRAINT tax_rates_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id),
    CONSTRAINT tax_rates_exempt_is_zero_with_mention CHECK (NOT exempt OR (rate = 0 AND legal_mention IS NOT NULL))
);

-- Catalogue ---------------------------------------------------------------------------------------

CREATE TABLE public.services (
    tenant_id             uuid     NOT NULL,
    id                    uuid     NOT NULL,
    name                  text     NOT NULL,
    duration_minutes      integer  NOT NULL CHECK (duration_minutes > 0),
    buffer_before_minutes integer  NOT NULL CHECK (buffer_before_minutes >= 0),
    buffer_after_minutes  integer  NOT NULL CHECK (buffer_after_minutes >= 0),
    price_minor           bigint   NOT NULL CHECK (price_minor >= 0),
    currency              text     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    tax_rate              text     NOT NULL,
    room_required         boolean  NOT NULL,
    equipment_kinds       text[]   NOT NULL,
    -- Empty: any professional with working hours.
    professional_ids      uuid[]   NOT NULL,
    active                boolean  NOT NULL,
    CONSTRAINT services_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT services_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id)
);

CREATE TABLE public.rooms (
    tenant_id uuid NOT NULL,
    id        uuid NOT NULL,
    name      text NOT NULL,
    CONSTRAINT rooms_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT rooms_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id)
);

CREATE TABLE public.equipment (
    tenant_id uuid NOT NULL,
    id        uuid NOT NULL,
    name      text NOT NULL,
    kind      text NOT NULL,
    status    text NOT NULL CHECK (status IN ('available', 'maintenance')),
    CONSTRAINT equipment_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT equipment_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id)
);
-- Availability asks for the pieces of the kinds a service needs.
CREATE INDEX equipment_by_kind ON public.equipment (tenant_id, kind);

-- Staff schedules ---------------------------------------------------------------------------------

-- A member's weekly hours in the center's local time, 'monday 09:00-13:00' entries.
CREATE TABLE public.staff_weekly_hours (
    tenant_id  uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    weekly     text[]      NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT staff_weekly_hours_pk PRIMARY KEY (tenant_id, user_id),
    CONSTRAINT staff_weekly_hours_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id)
);

-- A dated exception replacing a day's hours: '09:00-13:00' windows, none for a day off.
CREATE TABLE public.staff_hour_exceptions (
    tenant_id uuid   NOT NULL,
    user_id   uuid   NOT NULL,
    day       date   NOT NULL,
    windows   text[] NOT NULL,
    CONSTRAINT staff_hour_exceptions_pk PRIMARY KEY (tenant_id, user_id, day),
    CONSTRAINT staff_hour_exceptions_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id)
);

-- Time off; its reason may be health data, so it is sealed by the application.
CREATE TABLE public.staff_time_off (
    tenant_id  uuid        NOT NULL,
    id         uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    start_at   timestamptz NOT NULL,
    end_at     timestamptz NOT NULL,
    reason     bytea       NOT NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT staff_time_off_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT staff_time_off_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id),
    CONSTRAINT staff_time_off_ends_after_start CHECK (end_at > start_at)
);
-- Time off of a set of members overlapping a range: at most 366 days long, so start_at > from - 367 days bounds the scan.
CREATE INDEX staff_time_off_by_member ON public.staff_time_off (tenant_id, user_id, start_at);

-- Appointments ------------------------------------------------------------------------------------

-- Actors: kind staff|client|system, with the staff member's account for staff only.
CREATE TABLE public.appointments (
    tenant_id             uuid        NOT NULL,
    id                    uuid        NOT NULL,
    client_id             uuid        NOT NULL,
    service_id            uuid        NOT NULL,
    professional_id       uuid        NOT NULL,
    room_id               uuid,
    equipment_ids         uuid[]      NOT NULL,
    start_at              timestamptz NOT NULL,
    end_at                timestamptz NOT NULL,
    buffer_before_minutes integer     NOT NULL CHECK (buffer_before_minutes >= 0),
    buffer_after_minutes  integer     NOT NULL CHECK (buffer_after_minutes >= 0),
    status                text        NOT NULL
        CHECK (status IN ('booked', 'confirmed', 'checked_in', 'completed', 'cancelled', 'no_show')),
    status_at             timestamptz NOT NULL,
    cancel_reason         bytea,
    cancelled_by_kind     text        CHECK (cancelled_by_kind IN ('staff', 'client', 'system')),
    cancelled_by          uuid,
    cancelled_at          timestamptz,
    series_id             uuid,
    booked_at             timestamptz NOT NULL,
    booked_by_kind        text        NOT NULL CHECK (booked_by_kind IN ('staff', 'client', 'system')),
    booked_by             uuid,
    version               bigint      NOT NULL CHECK (version >= 1),
    CONSTRAINT appointments_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT appointments_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id),
    CONSTRAINT appointments_ends_after_start CHECK (end_at > start_at),
    CONSTRAINT appointments_cancellation_complete CHECK (
        (status = 'cancelled') = (cancel_reason IS NOT NULL)
        AND (cancel_reason IS NULL) = (cancelled_by_kind IS NULL)
        AND (cancel_reason IS NULL) = (cancelled_at IS NULL)),
    CONSTRAINT appointments_staff_have_account CHECK ((booked_by_kind = 'staff') = (booked_by IS NOT NULL)
        AND (cancelled_by_kind IS NULL OR (cancelled_by_kind = 'staff') = (cancelled_by IS NOT NULL)))
);
-- Lists by local day range (all, by professional, by client), keyset-paged by (start_at, id).
CREATE INDEX appointments_by_start ON public.appointments (tenant_id, start_at, id);
CREATE INDEX appointments_by_professional ON public.appointments (tenant_id, professional_id, start_at, id);
CREATE INDEX appointments_by_client ON public.appointments (tenant_id, client_id, start_at, id);
CREATE INDEX appointments_by_series ON public.appointments (tenant_id, series_id) WHERE series_id IS NOT NULL;

-- Where an appointment was before each reschedule, in order.
CREATE TABLE public.appointment_moves (
    tenant_id       uuid        NOT NULL,
    appointment_id  uuid        NOT NULL,
    position        integer     NOT NULL CHECK (position >= 0),
    start_at        timestamptz NOT NULL,
    end_at          timestamptz NOT NULL,
    professional_id uuid        NOT NULL,
    room_id         uuid,
    equipment_ids   uuid[]      NOT NULL,
    moved_at        timestamptz NOT NULL,
    moved_by_kind   text        NOT NULL CHECK (moved_by_kind IN ('staff', 'client', 'system')),
    moved_by        uuid,
    CONSTRAINT appointment_moves_pk PRIMARY KEY (tenant_id, appointment_id, position),
    CONSTRAINT appointment_moves_appointment_fk FOREIGN KEY (tenant_id, appointment_id)
        REFERENCES public.appointments (tenant_id, id) ON DELETE CASCADE
);

-- What each appointment occupies: its professional, room and each piece of equipment, over the
-- occupied range (buffers included). Inactive once the appointment no longer holds them.
CREATE TABLE public.appointment_resources (
    tenant_id      uuid      NOT NULL,
    appointment_id uuid      NOT NULL,
    resource_id    uuid      NOT NULL,
    kind           text      NOT NULL CHECK (kind IN ('professional', 'room', 'equipment')),
    during         tstzrange NOT NULL CHECK (NOT isempty(during) AND lower_inc(during) AND NOT upper_inc(during)),
    active         boolean   NOT NULL,
    CONSTRAINT appointment_resources_pk PRIMARY KEY (tenant_id, appointment_id, resource_id),
    CONSTRAINT appointment_resources_appointment_fk FOREIGN KEY (tenant_id, appointment_id)
        REFERENCES public.appointments (tenant_id, id) ON DELETE CASCADE,
    -- A hold is at most a day long (a service lasts at most 12 hours, each buffer at most 4), so
    -- the busy-interval query can bound its index range by the start of the hold.
    CONSTRAINT appointment_resources_at_most_a_day CHECK (upper(during) - lower(during) <= interval '1 day'),
    -- The rule: never two active holds of one resource at overlapping times.
    CONSTRAINT appointment_resources_no_double_booking
        EXCLUDE USING gist (tenant_id WITH =, resource_id WITH =, during WITH &&) WHERE (active)
);
-- Busy intervals of a set of resources over a range, for availability, in one statement:
-- resource_id = ANY(...) AND lower(during) in [from - 1 day, to) is a btree range scan per resource
-- (GiST cannot take = ANY, and probing the exclusion index once per resource costs more).
CREATE INDEX appointment_resources_busy ON public.appointment_resources (tenant_id, resource_id, lower(during))
    WHERE active;

-- Waitlist ----------------------------------------------------------------------------------------

CREATE TABLE public.waitlist_entries (
    tenant_id             uuid        NOT NULL,
    id                    uuid        NOT NULL,
    client_id             uuid        NOT NULL,
    service_id            uuid        NOT NULL,
    from_day              date        NOT NULL,
    to_day                date        NOT NULL,
    professional_id       uuid,
    status                text        NOT NULL CHECK (status IN ('waiting', 'offered', 'booked', 'withdrawn')),
    offer_professional_id uuid,
    offer_start_at        timestamptz,
    offer_end_at          timestamptz,
    offered_at            timestamptz,
    offer_expires_at      timestamptz,
    created_at            timestamptz NOT NULL,
    CONSTRAINT waitlist_entries_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT waitlist_entries_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id),
    CONSTRAINT waitlist_entries_window CHECK (to_day >= from_day),
    CONSTRAINT waitlist_entries_offer_iff_offered CHECK ((status = 'offered') = (offer_expires_at IS NOT NULL)
        AND (offer_expires_at IS NULL) = (offer_start_at IS NULL)
        AND (offer_expires_at IS NULL) = (offer_end_at IS NULL)
        AND (offer_expires_at IS NULL) = (offered_at IS NULL)
        AND (offer_expires_at IS NULL) = (offer_professional_id IS NULL))
);
-- The first waiting match for a freed slot, oldest first.
CREATE INDEX waitlist_entries_waiting ON public.waitlist_entries (tenant_id, service_id, created_at, id)
    WHERE status = 'waiting';
-- Offers whose hold is over.
CREATE INDEX waitlist_entries_offers ON public.waitlist_entries (tenant_id, offer_expires_at)
    WHERE status = 'offered';
CREATE INDEX waitlist_entries_by_age ON public.waitlist_entries (tenant_id, created_at, id);

-- Every offer made, so that a lapsed offer of a slot passes that slot on to the next client.
CREATE TABLE public.waitlist_offers (
    tenant_id       uuid        NOT NULL,
    entry_id        uuid        NOT NULL,
    professional_id uuid        NOT NULL,
    start_at        timestamptz NOT NULL,
    end_at          timestamptz NOT NULL,
    offered_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    CONSTRAINT waitlist_offers_pk PRIMARY KEY (tenant_id, entry_id, professional_id, start_at, end_at),
    CONSTRAINT waitlist_offers_entry_fk FOREIGN KEY (tenant_id, entry_id)
        REFERENCES public.waitlist_entries (tenant_id, id) ON DELETE CASCADE
);

-- Tokens ------------------------------------------------------------------------------------------

-- A professional's iCalendar feed: the keyed hash of its token, one per member; the feed URL
-- carries no center, so the row is global.
CREATE TABLE directory.calendar_feed_tokens (
    token_hash text        NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    tenant_id  uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT calendar_feed_tokens_pk PRIMARY KEY (token_hash),
    CONSTRAINT calendar_feed_tokens_one_per_member UNIQUE (tenant_id, user_id)
);

-- A public booking's manage link: the keyed hash of its token and when it expires.
CREATE TABLE directory.manage_link_tokens (
    token_hash     text        NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    tenant_id      uuid        NOT NULL,
    appointment_id uuid        NOT NULL,
    expires_at     timestamptz NOT NULL,
    created_at     timestamptz NOT NULL,
    CONSTRAINT manage_link_tokens_pk PRIMARY KEY (token_hash)
);
CREATE INDEX manage_link_tokens_by_appointment ON directory.manage_link_tokens (tenant_id, appointment_id);
CREATE INDEX manage_link_tokens_by_expiry ON directory.manage_link_tokens (expires_at);

-- Row-level security on every tenant-owned table ---------------------------------------------------

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['scheduling_settings', 'tax_rates', 'services', 'rooms', 'equipment',
                             'staff_weekly_hours', 'staff_hour_exceptions', 'staff_time_off', 'appointments',
                             'appointment_moves', 'appointment_resources', 'waitlist_entries', 'waitlist_offers']
    LOOP
        EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON public.%I '
                       'USING (tenant_id = (SELECT public.qleven_current_tenant())) '
                       'WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()))', t);
    END LOOP;
END
$$;
