-- WhatsApp inbound (issue 12): the senders of clients' messages, their messages and their
-- messaging preference changes, and free text (purpose 'conversation') in the outbox.

-- A sender, one per center and number. The number is looked up by its blind index, computed as a
-- client's phone is (client.phone under the center's index key, over E.164), so a contact meets the
-- clients with its number by equality. The number and the WhatsApp profile name are AES-GCM
-- ciphertext under the contact's own data key (scope whatsapp_contact): forgetting the contact
-- shreds it. last_inbound_at is Meta's time of the latest message (a maximum, whatever the order
-- webhooks come in): the 24-hour window. match says how many clients had the number when it last
-- wrote; staff_told that the staff were told once of an unmatched or shared number; moved_to the
-- contact at the number its sender moved to.
CREATE TABLE public.whatsapp_contacts (
    tenant_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    phone_index     text        NOT NULL CHECK (phone_index ~ '^[0-9a-f]{64}$'),
    phone           bytea       NOT NULL,
    profile_name    bytea,
    first_seen_at   timestamptz NOT NULL,
    last_inbound_at timestamptz,
    match           text        NOT NULL CHECK (match IN ('unmatched', 'matched', 'shared')),
    staff_told      boolean     NOT NULL DEFAULT false,
    moved_to        uuid,
    CONSTRAINT whatsapp_contacts_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT whatsapp_contacts_number UNIQUE (tenant_id, phone_index),
    CONSTRAINT whatsapp_contacts_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id),
    CONSTRAINT whatsapp_contacts_moved_to_fk FOREIGN KEY (tenant_id, moved_to)
        REFERENCES public.whatsapp_contacts (tenant_id, id) ON DELETE SET NULL (moved_to),
    CONSTRAINT whatsapp_contacts_not_moved_to_itself CHECK (moved_to IS DISTINCT FROM id)
);
-- The staff's worklist: unmatched and shared numbers, most recently active first.
CREATE INDEX whatsapp_contacts_worklist ON public.whatsapp_contacts (tenant_id, match, last_inbound_at DESC, id DESC)
    WHERE match <> 'matched';

-- A client's message, once per center and wamid (a replayed webhook inserts nothing). received_at
-- is Meta's timestamp (when the client sent it), stored_at when it was stored here. client_id is set
-- when exactly one client had the number, else when staff attribute the contact. The text (caption,
-- button title, system body) and a document's file name are AES-GCM ciphertext under the contact's
-- key; media are kept by Meta's id, never downloaded. A reaction names its target and emoji (empty:
-- removed); the conversation shows each target's latest reaction. The campaigns' reply rates join
-- on (tenant_id, context_wamid), client_id and received_at.
CREATE TABLE public.inbound_messages (
    tenant_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    wamid           text        NOT NULL CHECK (char_length(wamid) BETWEEN 1 AND 512),
    contact_id      uuid        NOT NULL,
    client_id       uuid,
    kind            text        NOT NULL CHECK (kind IN ('text', 'reaction', 'image', 'audio', 'video', 'document',
                                    'sticker', 'location', 'contacts', 'button', 'interactive', 'order', 'system',
                                    'unsupported')),
    received_at     timestamptz NOT NULL,
    stored_at       timestamptz NOT NULL,
    context_wamid   text        CHECK (char_length(context_wamid) BETWEEN 1 AND 512),
    reply_id        text        CHECK (char_length(reply_id) <= 1024),
    media_id        text        CHECK (char_length(media_id) BETWEEN 1 AND 256),
    media_mime_type text        CHECK (char_length(media_mime_type) <= 256),
    media_filename  bytea,
    reaction_target text        CHECK (char_length(reaction_target) BETWEEN 1 AND 512),
    reaction_emoji  text        CHECK (char_length(reaction_emoji) <= 64),
    system_type     text        CHECK (char_length(system_type) <= 64),
    content         bytea,
    CONSTRAINT inbound_messages_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT inbound_messages_wamid UNIQUE (tenant_id, wamid),
    CONSTRAINT inbound_messages_center_fk FOREIGN KEY (tenant_id) REFERENCES public.centers (tenant_id),
    CONSTRAINT inbound_messages_contact_fk FOREIGN KEY (tenant_id, contact_id)
        REFERENCES public.whatsapp_contacts (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT inbound_messages_reaction CHECK ((kind = 'reaction') = (reaction_target IS NOT NULL)
        AND (reaction_emoji IS NULL OR reaction_target IS NOT NULL))
);
-- A client's conversation, newest first (reactions, filtered out, show on their targets); the export
-- and the erasure of a client's messages.
CREATE INDEX inbound_messages_of_client ON public.inbound_messages (tenant_id, client_id, received_at DESC, id DESC);
-- The reactions to a page's messages.
CREATE INDEX inbound_messages_reactions ON public.inbound_messages (tenant_id, reaction_target, received_at, wamid)
    WHERE kind = 'reaction';
-- A contact's messages (attribution, the worklist's counts, erasure).
CREATE INDEX inbound_messages_of_contact ON public.inbound_messages (tenant_id, contact_id, received_at);
-- Replies to a message (campaigns' reply rates).
CREATE INDEX inbound_messages_replies ON public.inbound_messages (tenant_id, context_wamid)
    WHERE context_wamid IS NOT NULL;

-- A contact's user_preferences changes (Meta's category, value and detail: no personal data),
-- stored once whatever the replays.
CREATE TABLE public.whatsapp_preference_changes (
    tenant_id  uuid        NOT NULL,
    id         uuid        NOT NULL,
    contact_id uuid        NOT NULL,
    category   text        NOT NULL CHECK (char_length(category) BETWEEN 1 AND 64),
    value      text        NOT NULL CHECK (char_length(value) BETWEEN 1 AND 64),
    changed_at timestamptz NOT NULL,
    detail     text        CHECK (char_length(detail) <= 1024),
    stored_at  timestamptz NOT NULL,
    CONSTRAINT whatsapp_preference_changes_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT whatsapp_preference_changes_once UNIQUE (tenant_id, contact_id, category, value, changed_at),
    CONSTRAINT whatsapp_preference_changes_contact_fk FOREIGN KEY (tenant_id, contact_id)
        REFERENCES public.whatsapp_contacts (tenant_id, id) ON DELETE CASCADE
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['whatsapp_contacts', 'inbound_messages', 'whatsapp_preference_changes'] LOOP
        EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON public.%I '
                       'USING (tenant_id = (SELECT public.qleven_current_tenant())) '
                       'WITH CHECK (tenant_id = (SELECT public.qleven_current_tenant()))', t);
    END LOOP;
END
$$;

-- Free text to a client inside the 24-hour window: purpose 'conversation', no template, its text
-- sealed in parameters under the client's key as template parameters are.
ALTER TABLE public.outbound_messages DROP CONSTRAINT outbound_messages_purpose_check;
ALTER TABLE public.outbound_messages ADD CONSTRAINT outbound_messages_purpose_check
    CHECK (purpose IN ('confirmation', 'reminder', 'change', 'cancellation', 'follow_up', 'marketing',
                       'conversation'));
