-- Issue 7: the incident register's description and each center's notification title and text are
-- sealed at rest like every other free text (AES-256-GCM through the FieldCipher port, bound to their
-- place): V7 stored them as text. SQL cannot encrypt, and no release of Qleven has written an
-- incident yet, so this migration converts the columns of an empty register and refuses to run on a
-- database that holds incidents rather than leave their text in clear or drop them silently.
-- Notifications exist only for incidents; a notification row without one (written by hand) makes
-- the NOT NULL columns below fail too, whatever row-level security lets this role see.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM public.privacy_incidents) THEN
        RAISE EXCEPTION 'V14 seals incident text at rest, which a SQL migration cannot do, and this database holds incidents stored in clear'
            USING HINT = 'If they are test data, delete them as a superuser (DELETE FROM public.center_notifications; '
                || 'DELETE FROM public.privacy_incidents;) and start again. Otherwise read them with the previous '
                || 'build (GET /v1/operator/incidents), delete them, upgrade, and record them again.';
    END IF;
END
$$;

ALTER TABLE public.privacy_incidents DROP COLUMN description;
ALTER TABLE public.privacy_incidents ADD COLUMN description bytea NOT NULL;

ALTER TABLE public.center_notifications DROP COLUMN title, DROP COLUMN body;
ALTER TABLE public.center_notifications ADD COLUMN title bytea NOT NULL, ADD COLUMN body bytea NOT NULL;
