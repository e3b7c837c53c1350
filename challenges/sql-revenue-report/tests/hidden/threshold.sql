-- Groups just over (50.01), exactly at (50.00) and, after its discount, just under (49.99) the
-- threshold: only the first two are reported.
INSERT INTO customers VALUES
    (1, 'Acme Corp', 'enterprise'),
    (2, 'Bistro Bob', 'smb'),
    (3, 'Carla', 'consumer'),
    (4, 'Dyna Systems', 'enterprise'),
    (5, 'Eve', 'consumer'),
    (6, 'Fix-It Ltd', 'smb');
INSERT INTO orders VALUES
    (1, 2, '2024-07-01 09:00:00', 'paid', NULL),
    (2, 3, '2024-07-02 09:00:00', 'paid', NULL),
    (3, 4, '2024-07-03 09:00:00', 'paid', 1);
INSERT INTO order_items VALUES
    (1, 1, 'A', 1, 5001),
    (2, 2, 'B', 2, 2500),
    (3, 3, 'C', 1, 5000);
