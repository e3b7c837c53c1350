-- Customers without a segment are reported as 'unassigned'; orders without a customer (guest
-- checkouts) as 'guest'.
INSERT INTO customers VALUES
    (1, 'Acme Corp', 'enterprise'),
    (2, 'Bistro Bob', 'smb'),
    (3, 'Carla', 'consumer'),
    (4, 'Dyna Systems', 'enterprise'),
    (5, 'Eve', 'consumer'),
    (6, 'Fix-It Ltd', 'smb'),
    (7, 'Gus', NULL),
    (8, 'Hana', NULL);
INSERT INTO orders VALUES
    (1, 7, '2024-06-01 10:00:00', 'paid', NULL),
    (2, 8, '2024-06-02 11:00:00', 'paid', 500),
    (3, NULL, '2024-06-03 12:00:00', 'paid', NULL),
    (4, NULL, '2024-06-04 13:00:00', 'paid', NULL),
    (5, NULL, '2024-06-05 14:00:00', 'refunded', NULL),
    (6, 3, '2024-06-06 15:00:00', 'paid', NULL),
    (7, 1, '2024-06-07 16:00:00', 'paid', NULL);
INSERT INTO order_items VALUES
    (1, 1, 'DESK', 1, 32000),
    (2, 2, 'CHAIR', 1, 18000),
    (3, 3, 'GIFT CARD', 2, 2500),
    (4, 4, 'GIFT CARD', 1, 5000),
    (5, 5, 'GIFT CARD', 10, 5000),
    (6, 6, 'KETTLE', 1, 6400),
    (7, 7, 'SERVER', 1, 450000);
