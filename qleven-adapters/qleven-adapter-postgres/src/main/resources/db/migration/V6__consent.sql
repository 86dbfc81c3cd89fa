-- The consent ledger (issue 4, policy P5 and P18): one append-only row per decision a client made
-- on a purpose. The decision record (purpose, decision, channel, notice version and the SHA-256 of
-- the exact text shown, who recorded it, when, whether the age was verified) is kept in clear: a
-- sender checks it at dispatch and an authority may ask for it. The proof, which may name the
-- person, is AES-256-GCM ciphertext under the client's data key, so shredding that key or
-- erasing the proofs leaves no evidence about the person while the decisions stay.

CREATE TABLE public.consent_entries (
    tenant_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    client_id    uuid        NOT NULL,
    -- Breaks ties between entries recorded in the same microsecond: the later append wins.
    position     bigint      GENERATED ALWAYS AS IDENTITY,
    purpose      text        NOT NULL CHECK (length(purpose) <= 40 AND purpose ~ '^[a-z][a-z0-9]*(_[a-z0-9]+)*$'),
    decision     text        NOT NULL CHECK (decision IN ('granted', 'refused', 'withdrawn')),
    channel      text        NOT NULL
        CHECK (channel IN ('in_person', 'web_form', 'whatsapp_reply', 'api', 'online_booking')),
    text_version text        NOT NULL CHECK (length(text_version) BETWEEN 1 AND 50),
    text_sha256  text        NOT NULL CHECK (text_sha256 ~ '^[0-9a-f]{64}$'),
    proof        bytea,
    recorded_by  uuid,
    recorded_at  timestamptz NOT NULL,
    age_verified boolean     NOT NULL,
    CONSTRAINT consent_entries_pk PRIMARY KEY (tenant_id, id),
    -- An erasure that deletes the client takes its consent rows with it (the trigger allows it).
    CONSTRAINT consent_entries_client_fk FOREIGN KEY (tenant_id, client_id)
        REFERENCES public.clients (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT consent_entries_reply_has_no_recorder
        CHECK (channel <> 'whatsapp_reply' OR recorded_by IS NULL)
);
-- A client's history, and the latest entry of a purpose at an instant (what a sender asks).
CREATE INDEX consent_entries_by_client
    ON public.consent_entries (tenant_id, client_id, purpose, recorded_at, position);

-- Append-only: an entry is never edited nor deleted, with two exceptions that erasure needs:
-- blanking the proof (every other column unchanged), and deleting the rows of a client that is
-- itself gone. Not SECURITY DEFINER; the app role owns neither the table nor this function.
CREATE FUNCTION public.qleven_consent_append_only() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    -- Nested rather than one AND: NEW and OLD do not exist for every operation.
    IF TG_OP = 'UPDATE' THEN
        IF NEW.proof IS NULL AND (to_jsonb(NEW) - 'proof') = (to_jsonb(OLD) - 'proof') THEN
            RETURN NEW;
        END IF;
    ELSIF TG_OP = 'DELETE' THEN
        IF NOT EXISTS (SELECT 1 FROM public.clients c WHERE c.tenant_id = OLD.tenant_id AND c.id = OLD.client_id) THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION 'the consent ledger is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER consent_entries_append_only BEFORE UPDATE OR DELETE ON public.consent_entries
    FOR EACH ROW EXECUTE FUNCTION public.qleven_consent_append_only();
CREATE TRIGGER consent_entries_no_truncate BEFORE TRUNCATE ON public.consent_entries
    FOR EACH STATEMENT EXECUTE FUNCTION public.qleven_consent_append_only();

ALTER TABLE public.consent_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.consent_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public.consent_entries
    USING (tenant_id = (SELECT public.qleven_current_tenant()))
    WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()));
