-- Two segments in one month; the refunded order does not count.
INSERT INTO customers VALUES
    (1, 'Acme Corp', 'enterprise'),
    (2, 'Bistro Bob', 'smb'),
    (3, 'Carla', 'consumer');
INSERT INTO orders VALUES
    (1, 1, '2024-05-02 10:00:00', 'paid', NULL),
    (2, 1, '2024-05-20 16:30:00', 'paid', NULL),
    (3, 2, '2024-05-03 09:15:00', 'paid', 500),
    (4, 3, '2024-05-04 12:00:00', 'refunded', NULL);
INSERT INTO order_items VALUES
    (1, 1, 'LAPTOP', 1, 120000),
    (2, 2, 'DOCK', 2, 15000),
    (3, 3, 'COFFEE', 10, 1200),
    (4, 4, 'PHONE', 1, 80000);
