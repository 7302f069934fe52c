-- ledger_open_accounts, twice corrected:
-- - 0003 named (owner, kind, currency) as its conflict target, but ledger_accounts has a second
--   unique index, on the generated `key`. When two transactions opened the same account at the
--   same moment (two charges to a seller's first currency, found by the bank test), the second
--   waited on that index and then failed with a unique violation instead of doing nothing.
--   Without a target, ON CONFLICT DO NOTHING covers every unique index.
-- - It runs on every transfer and charge and almost always finds every account open. As a SQL
--   function its statement was planned on each call; in PL/pgSQL the plans are cached, and a
--   first look by key (index lookups only) returns before any insert is attempted.
CREATE OR REPLACE FUNCTION ledger_open_accounts(p_accounts jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM jsonb_to_recordset(p_accounts) AS a(owner text, kind text, currency text)
     WHERE NOT EXISTS (SELECT 1 FROM ledger_accounts x
                        WHERE x.owner = a.owner AND x.kind = a.kind AND x.currency = a.currency)
  ) THEN
    RETURN;
  END IF;
  WITH opened AS (
    INSERT INTO ledger_accounts (owner, kind, currency, allow_negative, shard_count, created_at)
    SELECT a.owner, a.kind, a.currency, a.allow_negative, a.shard_count, atrium_now()
      FROM jsonb_to_recordset(p_accounts)
        AS a(owner text, kind text, currency text, allow_negative boolean, shard_count integer)
     ORDER BY a.owner, a.kind, a.currency
    ON CONFLICT DO NOTHING
    RETURNING id, currency, kind, allow_negative, shard_count
  )
  INSERT INTO ledger_balances (account_id, shard, currency, kind, allow_negative)
  SELECT o.id, s.shard, o.currency, o.kind, o.allow_negative
    FROM opened o, generate_series(0, o.shard_count - 1) AS s(shard);
END
$$;
