-- A request's unit of work opens with one statement: the session token's directory row binds the
-- transaction to its center (qleven.tenant_id, transaction-local), then the session and the
-- caller's membership are read in that center, under row-level security. Before this, the same
-- took three round trips (the token, the session, the membership), and a plain statement cannot do
-- it in one: the policies read qleven.tenant_id when the scan starts, before a set_config in the
-- same query's select list has run. A PL/pgSQL function runs its statements in order.
--
-- SECURITY INVOKER (the default, and SchemaTest requires it): the app role's rights and the
-- tables' policies apply to every read here, as they would to the three statements it replaces.
-- No row when the token is unknown (the transaction is then bound to no center: global); the
-- session or membership columns are null when that row is missing. An operator's token has no
-- center: the session is then read from platform_sessions, and there is no membership.
CREATE FUNCTION directory.open_by_session_token(wanted text)
    RETURNS TABLE (
        token_hash        text,
        token_session_id  uuid,
        token_tenant_id   uuid,
        token_user_id     uuid,
        token_expiry      timestamptz,
        session_id        uuid,
        session_user_id   uuid,
        session_created   timestamptz,
        session_last_seen timestamptz,
        session_expiry    timestamptz,
        session_ended     timestamptz,
        session_end_reason text,
        session_ip        bytea,
        session_agent     bytea,
        session_country   text,
        member_role       text,
        member_created    timestamptz,
        member_active     boolean,
        member_pending    boolean)
    LANGUAGE plpgsql VOLATILE SECURITY INVOKER
AS $$
DECLARE
    found directory.session_tokens%ROWTYPE;
BEGIN
    SELECT d.* INTO found FROM directory.session_tokens d WHERE d.token_hash = wanted;
    PERFORM set_config('qleven.tenant_id', coalesce(found.tenant_id::text, ''), true);
    IF found.token_hash IS NULL THEN
        RETURN;
    END IF;
    IF found.tenant_id IS NULL THEN
        RETURN QUERY
            SELECT found.token_hash, found.session_id, found.tenant_id, found.user_id, found.absolute_expiry,
                   s.id, s.user_id, s.created_at, s.last_seen_at, s.absolute_expiry, s.ended_at, s.end_reason,
                   s.ip, s.user_agent, s.country,
                   NULL::text, NULL::timestamptz, NULL::boolean, NULL::boolean
            FROM (VALUES (1)) AS one
            LEFT JOIN public.platform_sessions s ON s.id = found.session_id;
    ELSE
        RETURN QUERY
            SELECT found.token_hash, found.session_id, found.tenant_id, found.user_id, found.absolute_expiry,
                   s.id, s.user_id, s.created_at, s.last_seen_at, s.absolute_expiry, s.ended_at, s.end_reason,
                   s.ip, s.user_agent, s.country,
                   m.role, m.created_at, m.active, m.pending
            FROM (VALUES (1)) AS one
            LEFT JOIN public.sessions s ON s.tenant_id = found.tenant_id AND s.id = found.session_id
            LEFT JOIN public.memberships m ON m.tenant_id = found.tenant_id AND m.user_id = found.user_id;
    END IF;
END
$$;
