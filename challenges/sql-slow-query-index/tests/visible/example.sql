-- Globex (account 2) made three purchases in March 2024; the other rows must not be returned.
INSERT INTO accounts VALUES
    (1, 'Initech', 'free'),
    (2, 'Globex', 'business'),
    (3, 'Umbrella', 'business'),
    (4, 'Hooli', 'free');
INSERT INTO events VALUES
    (1, 2, 'purchase', 1999, '2024-03-02 09:30:00'),
    (2, 2, 'purchase', 4999, '2024-03-17 18:05:00'),
    (3, 2, 'purchase', 999, '2024-03-29 07:45:00'),
    (101, 1, 'purchase', 1000, '2024-03-10 10:00:00'),
    (102, 3, 'purchase', 2500, '2024-03-11 11:00:00'),
    (103, 2, 'login', NULL, '2024-03-12 12:00:00'),
    (104, 2, 'view', NULL, '2024-03-13 13:00:00'),
    (105, 2, 'refund', -1500, '2024-03-14 14:00:00'),
    (106, 2, 'purchase', 4200, '2024-02-14 14:00:00'),
    (107, 2, 'purchase', 4300, '2024-04-14 14:00:00'),
    (108, 4, 'purchase', 990, '2024-03-15 15:00:00');
