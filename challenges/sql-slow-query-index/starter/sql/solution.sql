-- The slow query, as it runs in production today: it returns the right rows, slowly.
-- Make it use an index (create the index first, in this file), keeping exactly the same rows.
SELECT e.id, e.amount_cents, e.created_at
FROM events AS e
JOIN accounts AS a ON a.id = e.account_id
WHERE a.name = 'Globex'
  AND lower(e.kind) = 'purchase'
  AND date(e.created_at) BETWEEN '2024-03-01' AND '2024-03-31'
ORDER BY e.created_at DESC, e.id DESC
LIMIT 20;
