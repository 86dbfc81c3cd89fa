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
