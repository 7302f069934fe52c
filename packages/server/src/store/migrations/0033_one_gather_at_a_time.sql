-- One gather at a time per account.
--
-- When a top-up lands on one row of the platform's available balance, the burst of transfers that
-- follows finds too few rows holding enough, and each posting gathered the account in turn: every
-- gather waits for all the rows, that is for every posting in flight, so a burst of 32 queued
-- behind a chain of gathers of hundreds of milliseconds each (13 in one benchmark's warm-up). Now
-- the first posting about to gather takes the account's gather lock (a transaction-level advisory
-- lock, exclusive); the others wait for its commit with a shared hold and look again: by then its
-- gather has spread the money, so they take rows of their own (ledger/split.test.ts counts one
-- gather for a burst of 96). No one waits for the exclusive hold while holding it shared, so the
-- lock adds no deadlock. Taking a row (a free one that holds enough, or waiting for one) moves
-- into a function of its own, ledger_take_row, as it now runs twice.
-- Everything else in ledger_post is as in 0032.

-- The advisory lock of an account's gathers: two keys, so it never meets the single-key locks
-- (the migrations' own); the account id folded into an integer (ids that fold together only share
-- a lock, which is safe).
CREATE OR REPLACE FUNCTION ledger_gather_lock_class() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 1970 $$;
CREATE OR REPLACE FUNCTION ledger_gather_lock_key(p_account bigint) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT (p_account % 2147483647)::integer
$$;

-- Takes a row of a split non-negative account for money out, as 0032's ledger_post did in line:
-- when no row is below zero, a free row that holds at least p_need or, when every such row is
-- held and at least half the rows hold enough, one of those chosen at random, once it is free.
-- That wait runs in a block of its own (a subtransaction): a row that no longer holds enough once
-- it is this transaction's is given back (the block undone, its lock released), so a gather after
-- it never waits for the other rows while holding one (another gather could hold those and wait
-- for this one: a deadlock). Returns no row when none can be had this way, and how many rows are
-- below zero.
CREATE OR REPLACE FUNCTION ledger_take_row(p_account bigint, p_need bigint, p_shard_count integer,
  OUT shard integer, OUT row_id tid, OUT balance_minor bigint, OUT kind text, OUT negative bigint)
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  v_rich bigint;
BEGIN
  SELECT count(*) FILTER (WHERE b.balance_minor < 0), count(*) FILTER (WHERE b.balance_minor >= p_need)
    INTO negative, v_rich FROM ledger_balances b WHERE b.account_id = p_account;
  IF negative > 0 OR v_rich = 0 THEN
    RETURN;
  END IF;
  SELECT b.shard, b.ctid, b.balance_minor, b.kind INTO shard, row_id, balance_minor, kind FROM ledger_balances b
   WHERE b.account_id = p_account AND b.balance_minor >= p_need
   ORDER BY b.balance_minor DESC, b.shard LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED;
  IF shard IS NOT NULL OR v_rich * 2 < p_shard_count THEN
    RETURN;
  END IF;
  BEGIN
    SELECT b.shard, b.ctid, b.balance_minor, b.kind INTO shard, row_id, balance_minor, kind FROM ledger_balances b
     WHERE b.account_id = p_account
       AND b.shard = (SELECT r.shard FROM ledger_balances r WHERE r.account_id = p_account
                         AND r.balance_minor >= p_need ORDER BY random() LIMIT 1)
       FOR NO KEY UPDATE;
    IF balance_minor < p_need THEN
      RAISE EXCEPTION 'row spent while waiting' USING ERRCODE = 'AT001';
    END IF;
  EXCEPTION WHEN SQLSTATE 'AT001' THEN
    shard := NULL;
    row_id := NULL;
    balance_minor := NULL;
    kind := NULL;
  END;
END
$$;

CREATE OR REPLACE FUNCTION ledger_post(
  p_entry_ids text[], p_operations ledger_operation[], p_entry_sources text[], p_descriptions text[],
  p_line_counts integer[], p_line_entries integer[], p_line_numbers integer[], p_line_accounts text[],
  p_line_amounts bigint[], p_line_types ledger_line_type[], p_line_sources text[]
) RETURNS jsonb LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  v_now timestamptz := atrium_now();
  v_line_ids bigint[];
  v_line_currencies text[];
  v_line_shard_counts integer[];
  v_line_negative_ok boolean[];
  v_missing text;
  v_account record;
  v_shard integer;
  v_row tid;
  v_balance bigint;
  v_kind text;
  v_need bigint;
  v_negative bigint;
  -- The locked rows, in lock order: account, shard, physical row, balance, kind, and whether it
  -- must stay non-negative.
  v_ids bigint[];
  v_shards integer[];
  v_rows tid[];
  v_balances bigint[];
  v_kinds text[];
  v_checked boolean[];
  -- Per locked row: the balance as the entries are replayed, the net change, the last entry
  -- changing it and whether any of its operations may overdraw.
  v_running bigint[];
  v_changes bigint[];
  v_last_entries integer[];
  v_may_overdraw boolean[];
  v_overdraws boolean[];
  v_change record;
  v_at integer;
BEGIN
  SELECT array_agg(a.id ORDER BY l.ord), array_agg(a.currency ORDER BY l.ord),
         array_agg(a.shard_count ORDER BY l.ord), array_agg(a.allow_negative ORDER BY l.ord),
         (array_agg(l.key ORDER BY l.ord) FILTER (WHERE a.id IS NULL))[1]
    INTO v_line_ids, v_line_currencies, v_line_shard_counts, v_line_negative_ok, v_missing
    FROM unnest(p_line_accounts) WITH ORDINALITY AS l(key, ord)
    LEFT JOIN LATERAL (SELECT x.id, x.currency, x.shard_count, x.allow_negative FROM ledger_accounts x
                        WHERE x.key = l.key LIMIT 1) a ON true;
  IF v_missing IS NOT NULL THEN
    RETURN jsonb_build_object('ok', false, 'code', 'unknown_account', 'account', v_missing);
  END IF;

  -- Lock the balance rows in one fixed order, so two postings never deadlock: single-row
  -- accounts by id (one statement, a keyed lookup per account in that order), then split
  -- accounts by id.
  SELECT coalesce(array_agg(b.account_id ORDER BY u.ord), '{}'), coalesce(array_agg(0 ORDER BY u.ord), '{}'),
         coalesce(array_agg(b.ctid ORDER BY u.ord), '{}'), coalesce(array_agg(b.balance_minor ORDER BY u.ord), '{}'),
         coalesce(array_agg(b.kind ORDER BY u.ord), '{}'), coalesce(array_agg(NOT b.allow_negative ORDER BY u.ord), '{}')
    INTO v_ids, v_shards, v_rows, v_balances, v_kinds, v_checked
    FROM unnest(ARRAY(SELECT DISTINCT x.id FROM unnest(v_line_ids, v_line_shard_counts) AS x(id, shard_count)
                       WHERE x.shard_count = 1 ORDER BY x.id)) WITH ORDINALITY AS u(id, ord)
    CROSS JOIN LATERAL (SELECT r.account_id, r.ctid, r.balance_minor, r.kind, r.allow_negative FROM ledger_balances r
                         WHERE r.account_id = u.id AND r.shard = 0 FOR NO KEY UPDATE) AS b;
  IF 1 < ANY (v_line_shard_counts) THEN
    FOR v_account IN
      SELECT DISTINCT u.id, u.shard_count, u.negative_ok
        FROM unnest(v_line_ids, v_line_shard_counts, v_line_negative_ok) AS u(id, shard_count, negative_ok)
       WHERE u.shard_count > 1 ORDER BY u.id
    LOOP
      v_shard := NULL;
      IF v_account.negative_ok THEN
        -- A hot account that may go negative: any row no other posting holds, or a random one
        -- when all are held. Its balance takes no part in the check below.
        SELECT b.shard, b.ctid INTO v_shard, v_row FROM ledger_balances b
         WHERE b.account_id = v_account.id ORDER BY b.shard LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED;
        IF v_shard IS NULL THEN
          v_shard := floor(random() * v_account.shard_count)::integer;
          SELECT b.ctid INTO v_row FROM ledger_balances b
           WHERE b.account_id = v_account.id AND b.shard = v_shard FOR NO KEY UPDATE;
        END IF;
        v_balance := 0;
        v_kind := 'hot';
      ELSE
        -- The most this call's entries, replayed in order, take from the account at any point.
        SELECT coalesce(-least(0, min(p.running)), 0) INTO v_need
          FROM (SELECT sum(c.change_minor) OVER (ORDER BY c.entry_no) AS running
                  FROM (SELECT l.entry_no, sum(l.amount_minor) AS change_minor
                          FROM unnest(p_line_entries, v_line_ids, p_line_amounts) AS l(entry_no, account_id, amount_minor)
                         WHERE l.account_id = v_account.id GROUP BY l.entry_no) c) p;
        IF v_need = 0 THEN
          -- Money in: the poorest row no other posting holds, or a random one when all are held.
          SELECT b.shard, b.ctid, b.balance_minor, b.kind INTO v_shard, v_row, v_balance, v_kind FROM ledger_balances b
           WHERE b.account_id = v_account.id ORDER BY b.balance_minor, b.shard LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED;
          IF v_shard IS NULL THEN
            v_shard := floor(random() * v_account.shard_count)::integer;
            SELECT b.ctid, b.balance_minor, b.kind INTO v_row, v_balance, v_kind FROM ledger_balances b
             WHERE b.account_id = v_account.id AND b.shard = v_shard FOR NO KEY UPDATE;
          END IF;
        ELSE
          -- Money out. A row below zero is only ever made while every row is held (ledger_gather),
          -- so none appears while this posting holds one. With none below zero, take a free row
          -- that holds enough; when every such row is held, wait for one of them (at random)
          -- while at least half the rows hold enough. Otherwise gather: the account's money may
          -- not cover the posting (decided with every row held), or too few rows hold enough and
          -- gathering spreads the money again.
          SELECT r.shard, r.row_id, r.balance_minor, r.kind, r.negative INTO v_shard, v_row, v_balance, v_kind, v_negative
            FROM ledger_take_row(v_account.id, v_need, v_account.shard_count) AS r;
          IF v_shard IS NULL AND v_negative = 0 THEN
            -- About to gather. The first posting here takes the account's gather lock, exclusive,
            -- until it commits; the others wait for that commit with a shared hold (so they then
            -- go on together) and look again, since its gather may have spread the money. The
            -- shared holds only ever wait for the exclusive one, which waits only for rows, so
            -- this adds no deadlock; when the money is short they gather in turn, as before.
            IF NOT pg_try_advisory_xact_lock(ledger_gather_lock_class(), ledger_gather_lock_key(v_account.id)) THEN
              PERFORM pg_advisory_xact_lock_shared(ledger_gather_lock_class(), ledger_gather_lock_key(v_account.id));
            END IF;
            SELECT r.shard, r.row_id, r.balance_minor, r.kind, r.negative INTO v_shard, v_row, v_balance, v_kind, v_negative
              FROM ledger_take_row(v_account.id, v_need, v_account.shard_count) AS r;
          END IF;
          IF v_shard IS NULL
             OR EXISTS (SELECT 1 FROM ledger_balances b WHERE b.account_id = v_account.id AND b.balance_minor < 0) THEN
            SELECT g.shard, g.row_id, g.balance_minor INTO v_shard, v_row, v_balance
              FROM ledger_gather(v_account.id, v_need) AS g;
            SELECT b.kind INTO v_kind FROM ledger_balances b WHERE b.ctid = v_row;
          END IF;
        END IF;
      END IF;
      v_ids := v_ids || v_account.id;
      v_shards := v_shards || v_shard;
      v_rows := v_rows || v_row;
      v_balances := v_balances || v_balance;
      v_kinds := v_kinds || v_kind;
      v_checked := v_checked || NOT v_account.negative_ok;
    END LOOP;
  END IF;

  -- With the rows locked, replay the entries in order on each balance, refusing a change that
  -- would leave one below zero where neither the account nor the operation allows it.
  SELECT array_agg(ledger_may_overdraw(o.operation) ORDER BY o.ord) INTO v_overdraws
    FROM unnest(p_operations) WITH ORDINALITY AS o(operation, ord);
  v_running := v_balances;
  v_changes := array_fill(0::bigint, ARRAY[cardinality(v_ids)]);
  v_last_entries := array_fill(0, ARRAY[cardinality(v_ids)]);
  v_may_overdraw := array_fill(false, ARRAY[cardinality(v_ids)]);
  FOR v_change IN
    SELECT l.entry_no, l.account_id, sum(l.amount_minor)::bigint AS change_minor
      FROM unnest(p_line_entries, v_line_ids, p_line_amounts) AS l(entry_no, account_id, amount_minor)
     GROUP BY l.entry_no, l.account_id ORDER BY l.entry_no
  LOOP
    v_at := array_position(v_ids, v_change.account_id);
    IF v_checked[v_at] AND v_change.change_minor < 0 AND v_running[v_at] + v_change.change_minor < 0
       AND NOT (v_overdraws[v_change.entry_no] AND v_kinds[v_at] = 'available') THEN
      RETURN jsonb_build_object('ok', false, 'code', 'insufficient_funds', 'entry_index', v_change.entry_no - 1,
        'account', p_line_accounts[array_position(v_line_ids, v_change.account_id)],
        'balance_minor', v_running[v_at], 'change_minor', v_change.change_minor);
    END IF;
    v_running[v_at] := v_running[v_at] + v_change.change_minor;
    v_changes[v_at] := v_changes[v_at] + v_change.change_minor;
    v_last_entries[v_at] := v_change.entry_no;
    v_may_overdraw[v_at] := v_may_overdraw[v_at] OR v_overdraws[v_change.entry_no];
  END LOOP;

  INSERT INTO ledger_entries (id, operation, source_id, description, line_count, created_at)
  SELECT e.id, e.operation, e.source_id, e.description, e.line_count, v_now
    FROM unnest(p_entry_ids, p_operations, p_entry_sources, p_descriptions, p_line_counts)
      AS e(id, operation, source_id, description, line_count);

  INSERT INTO ledger_lines (entry_id, entry_line_count, line_no, account_id, shard, currency, amount_minor, type, source_id)
  SELECT p_entry_ids[l.entry_no], p_line_counts[l.entry_no], l.line_no, l.account_id, v_shards[array_position(v_ids, l.account_id)],
         l.currency, l.amount_minor, l.type, l.source_id
    FROM unnest(p_line_entries, p_line_numbers, v_line_ids, v_line_currencies, p_line_amounts, p_line_types, p_line_sources)
      AS l(entry_no, line_no, account_id, currency, amount_minor, type, source_id);

  -- The rows are found by the physical address their lock returned: no one else can update them
  -- (or move them) while this transaction holds the lock, and one statement updates them all.
  UPDATE ledger_balances b
     SET balance_minor = b.balance_minor + c.change_minor,
         last_entry_id = p_entry_ids[c.last_entry_no],
         last_change_minor = c.change_minor,
         last_may_overdraw = c.may_overdraw
    FROM unnest(v_rows, v_changes, v_last_entries, v_may_overdraw) AS c(row_id, change_minor, last_entry_no, may_overdraw)
   WHERE b.ctid = c.row_id AND c.change_minor <> 0;

  RETURN jsonb_build_object('ok', true, 'created_at', v_now);
END
$$;
