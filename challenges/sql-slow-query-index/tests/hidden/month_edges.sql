-- Purchases on the edges of March: the whole of 31 March counts, 1 April and 29 February do not.
INSERT INTO accounts VALUES
    (1, 'Initech', 'free'),
    (2, 'Globex', 'business'),
    (3, 'Umbrella', 'business'),
    (4, 'Hooli', 'free');
INSERT INTO events VALUES
    (1, 2, 'purchase', 100, '2024-02-29 23:59:59'),
    (2, 2, 'purchase', 200, '2024-03-01 00:00:00'),
    (3, 2, 'purchase', 300, '2024-03-31 00:00:00'),
    (4, 2, 'purchase', 400, '2024-03-31 12:30:00'),
    (5, 2, 'purchase', 500, '2024-03-31 23:59:59'),
    (6, 2, 'purchase', 600, '2024-04-01 00:00:00'),
    (101, 1, 'purchase', 1000, '2024-03-10 10:00:00'),
    (102, 3, 'purchase', 2500, '2024-03-11 11:00:00'),
    (103, 2, 'login', NULL, '2024-03-12 12:00:00'),
    (104, 2, 'view', NULL, '2024-03-13 13:00:00'),
    (105, 2, 'refund', -1500, '2024-03-14 14:00:00'),
    (106, 2, 'purchase', 4200, '2024-02-14 14:00:00'),
    (107, 2, 'purchase', 4300, '2024-04-14 14:00:00'),
    (108, 4, 'purchase', 990, '2024-03-15 15:00:00');
