-- A paid order without items is worth 0 but still counts as an order.
INSERT INTO customers VALUES
    (1, 'Acme Corp', 'enterprise'),
    (2, 'Bistro Bob', 'smb'),
    (3, 'Carla', 'consumer'),
    (4, 'Dyna Systems', 'enterprise'),
    (5, 'Eve', 'consumer'),
    (6, 'Fix-It Ltd', 'smb');
INSERT INTO orders VALUES
    (1, 4, '2024-08-01 09:00:00', 'paid', NULL),
    (2, 4, '2024-08-02 09:00:00', 'paid', NULL),
    (3, 2, '2024-08-03 09:00:00', 'paid', NULL),
    (4, 6, '2024-08-04 09:00:00', 'paid', NULL),
    (5, 3, '2024-08-05 09:00:00', 'paid', NULL);
INSERT INTO order_items VALUES
    (1, 1, 'SERVER', 1, 450000),
    (2, 4, 'VAN RENTAL', 1, 12000),
    (3, 5, 'SOFA', 1, 89900);
