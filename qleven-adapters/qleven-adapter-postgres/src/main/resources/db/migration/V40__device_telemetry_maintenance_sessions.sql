-- What devices report and run (issue 13): the telemetry history (bounded: the store drops a device's
-- reports older than 90 days whenever it appends one), each device's maintenance rules, and the
-- treatment sessions of appointments (client-linked: exported with the client, deleted on erasure).
CREATE TABLE public.device_telemetry (
    tenant_id    uuid        NOT NULL,
    device_id    uuid        NOT NULL,
    received_at  timestamptz NOT NULL,
    seq          bigint      GENERATED ALWAYS AS IDENTITY,
    counters     jsonb       NOT NULL CHECK (jsonb_typeof(counters) = 'object'),
    temperatures jsonb       NOT NULL CHECK (jsonb_typeof(temperatures) = 'object'),
    error_codes  text[]      NOT NULL CHECK (cardinality(error_codes) <= 256),
    CONSTRAINT device_telemetry_pk PRIMARY KEY (tenant_id, device_id, received_at, seq),
    CONSTRAINT device_telemetry_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id)
);

ALTER TABLE public.device_telemetry ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.device_telemetry FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.device_telemetry
    USING (tenant_id = (SELECT public.qleven_current_tenant()))
    WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()));

CREATE TABLE public.device_maintenance_rules (
    tenant_id        uuid               NOT NULL,
    device_id        uuid               NOT NULL,
    threshold_names  text[]             NOT NULL,
    threshold_maxes  double precision[] NOT NULL,
    fault_codes      text[]             NOT NULL,
    any_fault        boolean            NOT NULL,
    CONSTRAINT device_maintenance_rules_pk PRIMARY KEY (tenant_id, device_id),
    CONSTRAINT device_maintenance_rules_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id),
    CONSTRAINT device_maintenance_rules_thresholds CHECK (cardinality(threshold_names) = cardinality(threshold_maxes)
        AND cardinality(threshold_names) <= 32 AND cardinality(fault_codes) <= 64)
);

ALTER TABLE public.device_maintenance_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.device_maintenance_rules FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.device_maintenance_rules
    USING (tenant_id = (SELECT public.qleven_current_tenant()))
    WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()));

CREATE TABLE public.treatment_sessions (
    tenant_id          uuid        NOT NULL,
    appointment_id     uuid        NOT NULL,
    client_id          uuid        NOT NULL,
    device_id          uuid        NOT NULL,
    arm_command_id     uuid        NOT NULL,
    started_at         timestamptz NOT NULL,
    stopped_at         timestamptz,
    parameters         jsonb       NOT NULL CHECK (jsonb_typeof(parameters) = 'object'),
    counters_at_start  jsonb       NOT NULL CHECK (jsonb_typeof(counters_at_start) = 'object'),
    counters_at_stop   jsonb       NOT NULL CHECK (jsonb_typeof(counters_at_stop) = 'object'),
    CONSTRAINT treatment_sessions_pk PRIMARY KEY (tenant_id, appointment_id),
    CONSTRAINT treatment_sessions_appointment_fk FOREIGN KEY (tenant_id, appointment_id)
        REFERENCES public.appointments (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT treatment_sessions_stop CHECK (stopped_at IS NULL OR stopped_at >= started_at)
);
-- The session running on a device (at most one is looked for) and a client's sessions (export, erasure).
CREATE INDEX treatment_sessions_running ON public.treatment_sessions (tenant_id, device_id, started_at DESC)
    WHERE stopped_at IS NULL;
CREATE INDEX treatment_sessions_of_client ON public.treatment_sessions (tenant_id, client_id, started_at);

ALTER TABLE public.treatment_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.treatment_sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.treatment_sessions
    USING (tenant_id = (SELECT public.qleven_current_tenant()))
    WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()));
