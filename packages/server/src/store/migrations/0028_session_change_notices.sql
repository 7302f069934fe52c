-- Instances keep the embedded sessions they have checked in memory (http/session-cache.ts), so a
-- component's request needs no lookup of its token. Whatever could end a session announces itself
-- on the channel `atrium_session_changes` when it commits: a session's revocation, expiry or
-- removal, and an account's rejection or deletion (which end its sessions too). Every instance
-- listens and forgets what it kept. The notice is sent by the database, so no code path that
-- changes these rows (including an operator's hand-written UPDATE) can forget it.
CREATE FUNCTION announce_session_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('atrium_session_changes', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER embedded_sessions_changed
  AFTER UPDATE OR DELETE OR TRUNCATE ON embedded_sessions
  FOR EACH STATEMENT EXECUTE FUNCTION announce_session_change();

CREATE TRIGGER accounts_access_changed
  AFTER UPDATE OF rejected_reason, deleted ON accounts
  FOR EACH ROW
  WHEN (OLD.rejected_reason IS DISTINCT FROM NEW.rejected_reason OR OLD.deleted IS DISTINCT FROM NEW.deleted)
  EXECUTE FUNCTION announce_session_change();

CREATE TRIGGER accounts_removed
  AFTER DELETE OR TRUNCATE ON accounts
  FOR EACH STATEMENT EXECUTE FUNCTION announce_session_change();
