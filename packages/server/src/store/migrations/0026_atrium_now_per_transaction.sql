-- atrium_now() reads the test clock once per transaction, so every statement of a transaction sees
-- the same time, as now() does. Read on every call, the clock could move between two statements of
-- one transaction when another advanced it: the automatic payout job then decided the day from one
-- time and dated its payout by a later one, and the next day's run paid out again on that date
-- (found by the bank test). The offset read first is kept in a transaction-local setting; moving
-- the clock clears it, so the transaction that moves it sees the new time afterwards.
CREATE OR REPLACE FUNCTION atrium_now() RETURNS timestamptz LANGUAGE plpgsql STABLE AS $$
DECLARE
  cached text := current_setting('atrium.clock_offset', true);
  offset_seconds bigint;
BEGIN
  IF cached IS NULL OR cached = '' THEN
    SELECT c.offset_seconds INTO offset_seconds FROM test_clock c WHERE c.singleton;
    PERFORM set_config('atrium.clock_offset', offset_seconds::text, true);
  ELSE
    offset_seconds := cached::bigint;
  END IF;
  RETURN now() + make_interval(secs => offset_seconds);
END
$$;

CREATE FUNCTION test_clock_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('atrium.clock_offset', '', true);
  RETURN NULL;
END
$$;

CREATE TRIGGER test_clock_moved AFTER UPDATE ON test_clock FOR EACH STATEMENT EXECUTE FUNCTION test_clock_moved();
