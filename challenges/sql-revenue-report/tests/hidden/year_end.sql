-- Three months across a year end, timestamps on the months' edges; equal revenues are ordered
-- by segment.
INSERT INTO customers VALUES
    (1, 'Acme Corp', 'enterprise'),
    (2, 'Bistro Bob', 'smb'),
    (3, 'Carla', 'consumer'),
    (4, 'Dyna Systems', 'enterprise'),
    (5, 'Eve', 'consumer'),
    (6, 'Fix-It Ltd', 'smb');
INSERT INTO orders VALUES
    (1, 1, '2023-12-31 23:59:59', 'paid', NULL),
    (2, 2, '2024-01-01 00:00:00', 'paid', NULL),
    (3, 3, '2024-01-31 23:59:59', 'paid', NULL),
    (4, 4, '2024-02-01 00:00:00', 'paid', NULL),
    (5, 5, '2024-02-14 12:00:00', 'paid', NULL),
    (6, 6, '2023-12-01 00:00:00', 'paid', NULL),
    (7, 2, '2024-02-29 18:00:00', 'paid', NULL),
    (8, 3, '2023-12-24 20:00:00', 'cancelled', NULL);
INSERT INTO order_items VALUES
    (1, 1, 'LICENSE', 3, 10000),
    (2, 2, 'LICENSE', 3, 10000),
    (3, 3, 'LICENSE', 3, 10000),
    (4, 4, 'LICENSE', 2, 10000),
    (5, 5, 'GADGET', 1, 20000),
    (6, 6, 'LICENSE', 1, 30000),
    (7, 7, 'LICENSE', 1, 20000),
    (8, 8, 'LICENSE', 9, 10000);
