-- A year of orders, made up deterministically: 600 customers, 4000 orders, about 10000 items.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600)
INSERT INTO customers
SELECT i, 'Customer ' || i,
       CASE i % 7 WHEN 0 THEN NULL WHEN 1 THEN 'enterprise' WHEN 2 THEN 'smb' WHEN 3 THEN 'smb' ELSE 'consumer' END
FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000)
INSERT INTO orders
SELECT i,
       CASE WHEN i % 13 = 0 THEN NULL ELSE 1 + (i * 7919) % 600 END,
       datetime('2024-01-01', '+' || ((i * 104729) % (366 * 86400)) || ' seconds'),
       CASE WHEN i % 17 = 0 THEN 'refunded' WHEN i % 23 = 0 THEN 'cancelled' ELSE 'paid' END,
       CASE WHEN i % 5 = 0 THEN 100 * (i % 9) ELSE NULL END
FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
INSERT INTO order_items
SELECT i, 1 + (i * 31) % 4000, 'SKU-' || (i % 97), 1 + i % 4, 199 + (i * 61) % 2400
FROM n
WHERE (i * 31) % 4000 % 11 <> 0;
