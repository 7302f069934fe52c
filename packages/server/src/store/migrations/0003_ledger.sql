-- The double-entry ledger: accounts, balances, journal entries and their lines.
--
-- Amounts are bigint minor units. Balances are credit-normal: a credit line has a positive
-- amount and raises its account's balance, a debit line a negative amount. Every entry's lines
-- sum to zero per currency, so the sum of every balance in a currency is zero too.
-- docs/ledger.md explains the model; @atrium/core holds the posting rules and the same policy.
-- At the end: the functions runOperation claims and stores idempotency records with.

-- What an entry records. An enum, not a lookup table with a foreign key: a foreign key would
-- take a share lock on one row per operation type in every posting, a hot spot of its own.
CREATE TYPE ledger_operation AS ENUM (
  'direct_charge', 'destination_charge', 'separate_charge',
  'refund', 'application_fee_refund',
  'transfer', 'transfer_reversal',
  'topup', 'topup_settlement', 'release',
  'payout', 'payout_paid', 'payout_failed', 'payout_canceled', 'instant_payout_fee'
);

-- Operations that may take an available balance below zero: money that leaves without the
-- owner's say. Transfers and payouts, which the owner makes, may not. Mirrors OPERATION_TYPES
-- in @atrium/core; a test keeps the two equal.
CREATE FUNCTION ledger_may_overdraw(operation ledger_operation) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT operation IN ('refund', 'application_fee_refund', 'transfer_reversal', 'release')
$$;

-- What a line is: Stripe's balance transaction types, plus release, payout_paid, payout_fee and
-- transfer_fee (LINE_TYPES in @atrium/core). An enum for the same reason, and because a long
-- CHECK list is re-read on every insert.
CREATE TYPE ledger_line_type AS ENUM (
  'charge', 'payment', 'application_fee', 'application_fee_refund', 'stripe_fee', 'refund',
  'payment_refund', 'transfer', 'transfer_refund', 'topup', 'payout', 'payout_failure',
  'payout_cancel', 'release', 'payout_paid', 'payout_fee', 'transfer_fee'
);

CREATE TABLE ledger_accounts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner text NOT NULL CHECK (owner = 'platform' OR owner ~ '^acct_[A-Za-z0-9]{1,64}$'
                             OR owner IN ('system:processor', 'system:payouts', 'system:topups')),
  kind text NOT NULL CHECK (kind IN ('pending', 'available', 'reserved', 'in_transit', 'clearing')),
  currency text NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
  key text GENERATED ALWAYS AS (owner || '/' || kind || '/' || currency) STORED UNIQUE,
  -- Whether the balance may be below zero whatever the operation (clearing accounts, the
  -- platform's pending balance).
  allow_negative boolean NOT NULL,
  -- Balance rows the account is split over; see ledger_balances.
  shard_count integer NOT NULL CHECK (shard_count BETWEEN 1 AND 256),
  created_at timestamptz NOT NULL,
  UNIQUE (owner, kind, currency),
  UNIQUE (id, currency, kind, allow_negative),
  CHECK ((kind = 'clearing') = (owner LIKE 'system:%')),
  -- No single row could check that a sum of rows stays non-negative.
  CHECK (shard_count = 1 OR allow_negative)
);

-- Balances, one row per account and shard. A hot account (one that takes a line in nearly every
-- posting) has several rows; a posting updates one of them, and the balance is their sum, so
-- concurrent postings do not queue behind one row lock. Postings lock rows in one fixed order.
CREATE TABLE ledger_balances (
  account_id bigint NOT NULL,
  shard integer NOT NULL CHECK (shard >= 0),
  -- Copies of the account's fields, so the checks below need no join (kept equal by the foreign key).
  currency text NOT NULL,
  kind text NOT NULL,
  allow_negative boolean NOT NULL,
  balance_minor bigint NOT NULL DEFAULT 0,
  -- The last posting's net change to this row and whether its operation may overdraw.
  last_entry_id text,
  last_change_minor bigint NOT NULL DEFAULT 0,
  last_may_overdraw boolean NOT NULL DEFAULT false,
  PRIMARY KEY (account_id, shard),
  UNIQUE (account_id, shard, currency),
  FOREIGN KEY (account_id, currency, kind, allow_negative)
    REFERENCES ledger_accounts (id, currency, kind, allow_negative),
  -- The negative-balance rule: a balance may be below zero only if the account allows it, or
  -- the last change raised it (a credit to an already negative balance), or the last change was
  -- an operation allowed to overdraw an available balance.
  CONSTRAINT ledger_balances_no_forbidden_negative CHECK (
    balance_minor >= 0 OR allow_negative OR last_change_minor > 0 OR (last_may_overdraw AND kind = 'available')
  )
) WITH (fillfactor = 50); -- room on each page for in-place (HOT) updates, which touch no index

CREATE TABLE ledger_entries (
  -- Posting order. For entries on the same account it is also commit order: an entry takes its
  -- number after its posting has locked the account's balance row.
  seq bigint GENERATED ALWAYS AS IDENTITY,
  id text PRIMARY KEY CHECK (id ~ '^je_[A-Za-z0-9]{1,64}$'),
  operation ledger_operation NOT NULL,
  source_id text NOT NULL CHECK (source_id ~ '^[a-z]{2,8}_[A-Za-z0-9]{1,64}$'),
  description text CHECK (length(description) <= 500),
  line_count integer NOT NULL CHECK (line_count BETWEEN 2 AND 32),
  created_at timestamptz NOT NULL,
  UNIQUE (id, line_count)
);
CREATE INDEX ledger_entries_source ON ledger_entries (source_id);

CREATE TABLE ledger_lines (
  seq bigint GENERATED ALWAYS AS IDENTITY,
  entry_id text NOT NULL,
  -- The entry's declared number of lines, kept equal to it by the foreign key: a line numbered
  -- beyond it cannot exist, so no line can be added to an entry after it was posted.
  entry_line_count integer NOT NULL,
  line_no integer NOT NULL CHECK (line_no BETWEEN 1 AND entry_line_count),
  account_id bigint NOT NULL,
  shard integer NOT NULL,
  currency text NOT NULL,
  amount_minor bigint NOT NULL CHECK (amount_minor <> 0),
  type ledger_line_type NOT NULL,
  source_id text NOT NULL CHECK (source_id ~ '^[a-z]{2,8}_[A-Za-z0-9]{1,64}$'),
  PRIMARY KEY (entry_id, line_no),
  FOREIGN KEY (entry_id, entry_line_count) REFERENCES ledger_entries (id, line_count),
  -- To the balance row, not the account: the posting already holds that row's lock, so the
  -- check's share lock costs nothing, where one on the account row would be a hot spot.
  FOREIGN KEY (account_id, shard, currency) REFERENCES ledger_balances (account_id, shard, currency)
);
CREATE INDEX ledger_lines_source ON ledger_lines (source_id);
CREATE INDEX ledger_lines_account ON ledger_lines (account_id, seq);

-- Entries and lines are append-only: corrections are new, reversing entries.
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed; post a reversing entry instead', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_lines_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_lines
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_accounts_immutable BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_accounts
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_balances_kept BEFORE DELETE OR TRUNCATE ON ledger_balances
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

-- Every entry sums to zero per currency and has exactly the lines it declares, checked when the
-- transaction commits (all lines are in by then), once per entry. Lines cannot be added later
-- (see ledger_lines.entry_line_count), so checking each entry once is enough.
CREATE FUNCTION ledger_check_entry() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_lines bigint;
  v_unbalanced text;
BEGIN
  SELECT coalesce(sum(c.lines), 0), min(c.currency || ' lines sum to ' || c.total) FILTER (WHERE c.total <> 0)
    INTO v_lines, v_unbalanced
    FROM (SELECT currency, count(*) AS lines, sum(amount_minor) AS total FROM ledger_lines
           WHERE entry_id = NEW.id GROUP BY currency) c;
  IF v_lines <> NEW.line_count THEN
    RAISE EXCEPTION 'ledger entry % declares % lines but has %', NEW.id, NEW.line_count, v_lines
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_entry_balanced';
  END IF;
  IF v_unbalanced IS NOT NULL THEN
    RAISE EXCEPTION 'ledger entry % does not balance: its % instead of zero', NEW.id, v_unbalanced
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_entry_balanced';
  END IF;
  RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER ledger_entry_balanced AFTER INSERT ON ledger_entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_entry();

-- Opens accounts (idempotently) with their balance rows. Input: a JSON array of
-- {owner, kind, currency, allow_negative, shard_count}. An account that exists keeps its policy.
CREATE FUNCTION ledger_open_accounts(p_accounts jsonb) RETURNS void LANGUAGE sql AS $$
  WITH opened AS (
    INSERT INTO ledger_accounts (owner, kind, currency, allow_negative, shard_count, created_at)
    SELECT a.owner, a.kind, a.currency, a.allow_negative, a.shard_count, atrium_now()
      FROM jsonb_to_recordset(p_accounts)
        AS a(owner text, kind text, currency text, allow_negative boolean, shard_count integer)
     ORDER BY a.owner, a.kind, a.currency
    ON CONFLICT (owner, kind, currency) DO NOTHING
    RETURNING id, currency, kind, allow_negative, shard_count
  )
  INSERT INTO ledger_balances (account_id, shard, currency, kind, allow_negative)
  SELECT o.id, s.shard, o.currency, o.kind, o.allow_negative
    FROM opened o, generate_series(0, o.shard_count - 1) AS s(shard)
$$;

-- Posts entries: all of them, or none with a typed refusal. The caller has validated them in
-- code; this checks again what only the database knows (the accounts exist, the funds suffice)
-- before it writes anything, then writes the entries, their lines and the balance changes.
--
-- Entries come as parallel arrays, one element per entry; lines as parallel arrays too, each
-- line naming its entry by position (1-based) and its account by key (owner/kind/currency), with
-- a signed amount (credit positive). Every table access is a lookup by key, one row at a time,
-- so the plans cannot turn into scans whatever the table statistics say; everything else works
-- on the arrays.
--
-- Returns {"ok": true, "created_at": ...} or
-- {"ok": false, "code": "unknown_account" | "insufficient_funds", ...}.
CREATE FUNCTION ledger_post(
  p_entry_ids text[], p_operations ledger_operation[], p_entry_sources text[], p_descriptions text[],
  p_line_counts integer[], p_line_entries integer[], p_line_numbers integer[], p_line_accounts text[],
  p_line_amounts bigint[], p_line_types ledger_line_type[], p_line_sources text[]
) RETURNS jsonb LANGUAGE plpgsql
-- The statements' shapes do not depend on the arrays' contents, so one cached plan serves every
-- call; custom plans cost more to make than they save.
SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  v_now timestamptz := atrium_now();
  v_line_ids bigint[];
  v_line_currencies text[];
  v_line_shard_counts integer[];
  v_missing text;
  v_account record;
  v_shard integer;
  v_row tid;
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
         array_agg(a.shard_count ORDER BY l.ord), (array_agg(l.key ORDER BY l.ord) FILTER (WHERE a.id IS NULL))[1]
    INTO v_line_ids, v_line_currencies, v_line_shard_counts, v_missing
    FROM unnest(p_line_accounts) WITH ORDINALITY AS l(key, ord)
    LEFT JOIN LATERAL (SELECT x.id, x.currency, x.shard_count FROM ledger_accounts x WHERE x.key = l.key LIMIT 1) a ON true;
  IF v_missing IS NOT NULL THEN
    RETURN jsonb_build_object('ok', false, 'code', 'unknown_account', 'account', v_missing);
  END IF;

  -- Lock the balance rows in one fixed order, so two postings never deadlock: single-row
  -- accounts by id (one statement, a keyed lookup per account in that order), then hot accounts
  -- by id. For a hot account take any row no other posting holds (SKIP LOCKED), and wait for a
  -- random one only when all are held.
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
      SELECT DISTINCT u.id, u.shard_count FROM unnest(v_line_ids, v_line_shard_counts) AS u(id, shard_count)
       WHERE u.shard_count > 1 ORDER BY u.id
    LOOP
      v_shard := NULL;
      SELECT b.shard, b.ctid INTO v_shard, v_row FROM ledger_balances b
       WHERE b.account_id = v_account.id ORDER BY b.shard LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED;
      IF v_shard IS NULL THEN
        v_shard := floor(random() * v_account.shard_count)::integer;
        SELECT b.ctid INTO v_row FROM ledger_balances b
         WHERE b.account_id = v_account.id AND b.shard = v_shard FOR NO KEY UPDATE;
      END IF;
      -- Hot accounts may go negative: their balance takes no part in the check below.
      v_ids := v_ids || v_account.id;
      v_shards := v_shards || v_shard;
      v_rows := v_rows || v_row;
      v_balances := v_balances || 0::bigint;
      v_kinds := v_kinds || 'hot'::text;
      v_checked := v_checked || false;
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

-- Idempotency records (table from 0001) claimed and stored by runOperation in one call each: a
-- function's plans are cached, where a statement sent on its own is parsed and planned again on
-- every request.

-- Takes the key's try-lock (held to the end of the transaction) and, if it got it, reads the
-- answer stored for the key. The read comes after the lock, so it sees any request with the key
-- that committed before.
CREATE FUNCTION idempotency_claim(p_scope text, p_key text)
RETURNS TABLE (locked boolean, request_hash text, response_status integer, response_body jsonb)
LANGUAGE plpgsql AS $$
BEGIN
  locked := pg_try_advisory_xact_lock(hashtextextended(p_scope || E'\n' || p_key, 0));
  IF locked THEN
    SELECT k.request_hash, k.response_status, k.response_body INTO request_hash, response_status, response_body
      FROM idempotency_keys k WHERE k.scope = p_scope AND k.key = p_key AND k.expires_at > atrium_now();
  END IF;
  RETURN NEXT;
END
$$;

-- Stores an answer for a key, replacing an expired record. A live record is kept with
-- p_if_absent; otherwise it is a unique violation of idempotency_keys_pkey, which runOperation
-- turns into a replay.
CREATE FUNCTION idempotency_store(p_scope text, p_key text, p_request_hash text, p_status integer,
                                  p_body jsonb, p_ttl_seconds integer, p_if_absent boolean)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_now timestamptz := atrium_now();
BEGIN
  INSERT INTO idempotency_keys (scope, key, request_hash, response_status, response_body, created_at, expires_at)
  VALUES (p_scope, p_key, p_request_hash, p_status, p_body, v_now, v_now + make_interval(secs => p_ttl_seconds))
  ON CONFLICT (scope, key) DO UPDATE
     SET request_hash = EXCLUDED.request_hash, response_status = EXCLUDED.response_status,
         response_body = EXCLUDED.response_body, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
   WHERE idempotency_keys.expires_at <= EXCLUDED.created_at;
  IF NOT FOUND AND NOT p_if_absent THEN
    INSERT INTO idempotency_keys (scope, key, request_hash, response_status, response_body, created_at, expires_at)
    VALUES (p_scope, p_key, p_request_hash, p_status, p_body, v_now, v_now + make_interval(secs => p_ttl_seconds));
  END IF;
END
$$;
