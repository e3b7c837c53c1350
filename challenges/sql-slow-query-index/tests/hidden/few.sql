-- Five purchases of Globex in March among other accounts', other kinds and other months.
INSERT INTO accounts VALUES
    (1, 'Initech', 'free'),
    (2, 'Globex', 'business'),
    (3, 'Umbrella', 'business'),
    (4, 'Hooli', 'free');
INSERT INTO events VALUES
    (1, 2, 'purchase', 1500, '2024-03-01 08:00:00'),
    (2, 2, 'purchase', 2500, '2024-03-05 09:00:00'),
    (3, 2, 'purchase', 3500, '2024-03-09 10:00:00'),
    (4, 2, 'purchase', 4500, '2024-03-20 11:00:00'),
    (5, 2, 'purchase', 5500, '2024-03-25 12:00:00'),
    (101, 1, 'purchase', 1000, '2024-03-10 10:00:00'),
    (102, 3, 'purchase', 2500, '2024-03-11 11:00:00'),
    (103, 2, 'login', NULL, '2024-03-12 12:00:00'),
    (104, 2, 'view', NULL, '2024-03-13 13:00:00'),
    (105, 2, 'refund', -1500, '2024-03-14 14:00:00'),
    (106, 2, 'purchase', 4200, '2024-02-14 14:00:00'),
    (107, 2, 'purchase', 4300, '2024-04-14 14:00:00'),
    (108, 4, 'purchase', 990, '2024-03-15 15:00:00');
