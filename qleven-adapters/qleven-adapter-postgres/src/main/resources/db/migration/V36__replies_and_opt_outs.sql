-- Replies and opt-outs (issue 12): a center's own STOP words and its cap on marketing per client
-- join its messaging settings. The checks repeat the domain's bounds (MessagingSettings, OptOutWords,
-- FrequencyCap; a word's length and letters are the domain's to check) so no path stores what the
-- core would refuse to read back; a row saved before this migration reads as no words of its own and the standard cap (4 per 30 days).
ALTER TABLE public.messaging_settings
    ADD COLUMN opt_out_words text[] NOT NULL DEFAULT '{}'
        CHECK (cardinality(opt_out_words) <= 20
               AND array_position(opt_out_words, NULL) IS NULL),
    ADD COLUMN marketing_cap_messages integer NOT NULL DEFAULT 4 CHECK (marketing_cap_messages BETWEEN 1 AND 100),
    ADD COLUMN marketing_cap_days integer NOT NULL DEFAULT 30 CHECK (marketing_cap_days BETWEEN 1 AND 365);

-- A template's quick-reply buttons and what a tap on each does (issue 12). component_reply_titles
-- runs parallel to component_keys: a quick-reply button's title (what a client's tap sends back),
-- NULL for every other component; empty for a row saved before this migration (no quick reply known
-- until the next sync). reply_action_buttons and reply_action_verbs are parallel: a quick-reply
-- button's index and confirm or cancel, set by an administrator with the mapping.
ALTER TABLE public.whatsapp_templates
    ADD COLUMN component_reply_titles text[] NOT NULL DEFAULT '{}',
    ADD COLUMN reply_action_buttons integer[] NOT NULL DEFAULT '{}'
        CHECK (array_position(reply_action_buttons, NULL) IS NULL
               AND 0 <= ALL (reply_action_buttons) AND 9 >= ALL (reply_action_buttons)),
    ADD COLUMN reply_action_verbs text[] NOT NULL DEFAULT '{}'
        CHECK (array_position(reply_action_verbs, NULL) IS NULL
               AND reply_action_verbs <@ ARRAY['confirm', 'cancel']::text[]),
    ADD CONSTRAINT whatsapp_templates_reply_titles CHECK (
        cardinality(component_reply_titles) IN (0, cardinality(component_keys))),
    ADD CONSTRAINT whatsapp_templates_reply_actions CHECK (
        cardinality(reply_action_buttons) = cardinality(reply_action_verbs));
