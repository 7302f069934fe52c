-- atrium_now() runs several times in every operation. As a SQL function it was parsed and
-- planned on each call (about 60 µs, measured by the ledger benchmark); PL/pgSQL caches its
-- plan (about 14 µs). Same result: real time in the transaction plus the test clock.
CREATE OR REPLACE FUNCTION atrium_now() RETURNS timestamptz LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN now() + make_interval(secs => (SELECT offset_seconds FROM test_clock WHERE singleton));
END
$$;
