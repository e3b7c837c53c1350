INSERT INTO accounts VALUES
    (1, 'Initech', 'free'),
    (2, 'Globex', 'business'),
    (3, 'Umbrella', 'business'),
    (4, 'Hooli', 'free');
INSERT INTO events VALUES
    (101, 1, 'purchase', 1000, '2024-03-10 10:00:00'),
    (102, 3, 'purchase', 2500, '2024-03-11 11:00:00'),
    (103, 2, 'login', NULL, '2024-03-12 12:00:00'),
    (104, 2, 'view', NULL, '2024-03-13 13:00:00'),
    (105, 2, 'refund', -1500, '2024-03-14 14:00:00'),
    (106, 2, 'purchase', 4200, '2024-02-14 14:00:00'),
    (107, 2, 'purchase', 4300, '2024-04-14 14:00:00'),
    (108, 4, 'purchase', 990, '2024-03-15 15:00:00');
-- Globex buys every few minutes in the last days of March: only the newest 20 are wanted.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
INSERT INTO events
SELECT 1000 + i,
       CASE WHEN i % 4 = 0 THEN 2 ELSE 1 + i % 4 END,
       CASE WHEN i % 3 = 0 THEN 'view' ELSE 'purchase' END,
       CASE WHEN i % 3 = 0 THEN NULL ELSE 100 + i % 5000 END,
       datetime('2024-03-27 00:00:00', '+' || (i * 47) || ' seconds')
FROM n;
