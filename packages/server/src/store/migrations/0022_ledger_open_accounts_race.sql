-- ledger_open_accounts named (owner, kind, currency) as its conflict target, but ledger_accounts
-- has a second unique index, on the generated `key`. When two transactions opened the same
-- account at the same moment (two charges to a seller's first currency, found by the bank test),
-- the second waited on that index and then failed with a unique violation instead of doing
-- nothing. Without a target, ON CONFLICT DO NOTHING covers every unique index.
CREATE OR REPLACE FUNCTION ledger_open_accounts(p_accounts jsonb) RETURNS void LANGUAGE sql AS $$
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
    FROM opened o, generate_series(0, o.shard_count - 1) AS s(shard)
$$;
