INSERT INTO accounts VALUES
    (1, 'Initech', 'free'),
    (2, 'Globex', 'business'),
    (3, 'Umbrella', 'business'),
    (4, 'Hooli', 'free');
-- 300 accounts and 80000 events over 2024, made up deterministically; Globex (account 2) is busy.
WITH RECURSIVE n(i) AS (SELECT 5 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
INSERT INTO accounts SELECT i, 'Account ' || i, CASE i % 3 WHEN 0 THEN 'business' ELSE 'free' END FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 80000)
INSERT INTO events
SELECT i,
       CASE WHEN i % 9 = 0 THEN 2 ELSE 1 + (i * 7919) % 300 END,
       CASE i % 11 WHEN 0 THEN 'PURCHASE' WHEN 1 THEN 'refund' WHEN 2 THEN 'purchase' WHEN 3 THEN 'purchase'
                   WHEN 4 THEN 'view' WHEN 5 THEN 'view' WHEN 6 THEN 'view' ELSE 'login' END,
       CASE WHEN i % 11 IN (0, 2, 3) THEN 100 + (i * 37) % 9900 WHEN i % 11 = 1 THEN -(100 + (i * 37) % 900) END,
       datetime('2024-01-01', '+' || ((i * 104729) % (366 * 86400)) || ' seconds')
FROM n;
