-- Connected equipment (issue 13, item 1): each center's registry of machines, their live state, and
-- the directory a broker reads to authenticate a machine before anyone knows its center.

-- A machine is one piece of the center's equipment. The secret is never here, not even hashed: its
-- keyed hash lives in the directory below. The live state (online, last seen, the newest
-- telemetry) is written by the MQTT subscriber through the registry (PostgresDevices.recordStatus,
-- recordTelemetry), each report ignored when older than the one stored. Telemetry is kept as the
-- machine sent it: counters and temperatures as names with finite numbers, fault codes as text.
CREATE TABLE public.devices (
    tenant_id              uuid        NOT NULL,
    id                     uuid        NOT NULL,
    name                   text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
    equipment_id           uuid        NOT NULL,
    model                  text        NOT NULL CHECK (char_length(model) BETWEEN 1 AND 120),
    firmware               text        CHECK (char_length(firmware) BETWEEN 1 AND 60),
    status                 text        NOT NULL CHECK (status IN ('active', 'revoked')),
    registered_at          timestamptz NOT NULL,
    credential_version     bigint      NOT NULL CHECK (credential_version >= 1),
    credentials_rotated_at timestamptz NOT NULL,
    online                 boolean     NOT NULL DEFAULT false,
    status_at              timestamptz,
    last_seen_at           timestamptz,
    telemetry_at           timestamptz,
    counter_names          text[]      NOT NULL DEFAULT '{}',
    counter_values         float8[]    NOT NULL DEFAULT '{}',
    temperature_names      text[]      NOT NULL DEFAULT '{}',
    temperature_values     float8[]    NOT NULL DEFAULT '{}',
    error_codes            text[]      NOT NULL DEFAULT '{}',
    CONSTRAINT devices_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT devices_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id),
    CONSTRAINT devices_equipment_fk FOREIGN KEY (tenant_id, equipment_id)
        REFERENCES public.equipment (tenant_id, id),
    CONSTRAINT devices_rotation CHECK (credentials_rotated_at >= registered_at),
    CONSTRAINT devices_counters CHECK (cardinality(counter_names) = cardinality(counter_values)),
    CONSTRAINT devices_temperatures CHECK (cardinality(temperature_names) = cardinality(temperature_values))
);
-- The registry's list: newest registration first.
CREATE INDEX devices_newest ON public.devices (tenant_id, registered_at DESC, id DESC);
-- A piece of equipment's machines (maintenance, availability).
CREATE INDEX devices_of_equipment ON public.devices (tenant_id, equipment_id);

ALTER TABLE public.devices ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.devices FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.devices
    USING (tenant_id = (SELECT public.qleven_current_tenant()))
    WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()));

-- A machine's MQTT username is its device id; the broker authenticates a CONNECT with one read of
-- this row: the center, the HMAC-SHA256 (under a platform key, hex) of the current secret, and
-- whether the device was revoked. Written by the registry in the same unit of work as the center's
-- row (PostgresDevices), so a rotation or a revocation holds from its commit on.
CREATE TABLE directory.device_credentials (
    device_id   uuid    NOT NULL,
    tenant_id   uuid    NOT NULL,
    secret_hash text    NOT NULL CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
    revoked     boolean NOT NULL DEFAULT false,
    CONSTRAINT device_credentials_pk PRIMARY KEY (device_id)
);
CREATE INDEX device_credentials_of_center ON directory.device_credentials (tenant_id);
