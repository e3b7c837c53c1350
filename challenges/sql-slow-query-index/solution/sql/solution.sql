-- Find the account's events by account and time through one index, newest first (the index ends
-- with the rowid, so `ORDER BY created_at DESC, id DESC` reads it backwards, with no sorting).
CREATE INDEX events_by_account_and_time ON events (account_id, created_at);

SELECT e.id, e.amount_cents, e.created_at
FROM events AS e
JOIN accounts AS a ON a.id = e.account_id
WHERE a.name = 'Globex'
  AND lower(e.kind) = 'purchase'                                       -- older rows say 'PURCHASE'
  AND e.created_at >= '2024-03-01' AND e.created_at < '2024-04-01'     -- all of 31 March, as date() did
ORDER BY e.created_at DESC, e.id DESC
LIMIT 20;
