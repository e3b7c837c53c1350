-- One month, three segments; refunded and cancelled orders do not count.
INSERT INTO customers VALUES
    (1, 'Acme Corp', 'enterprise'),
    (2, 'Bistro Bob', 'smb'),
    (3, 'Carla', 'consumer'),
    (4, 'Dyna Systems', 'enterprise'),
    (5, 'Eve', 'consumer'),
    (6, 'Fix-It Ltd', 'smb');
INSERT INTO orders VALUES
    (1, 1, '2024-03-01 08:00:00', 'paid', NULL),
    (2, 4, '2024-03-11 14:00:00', 'paid', NULL),
    (3, 2, '2024-03-05 09:00:00', 'paid', NULL),
    (4, 6, '2024-03-06 10:00:00', 'cancelled', NULL),
    (5, 3, '2024-03-07 11:00:00', 'paid', NULL),
    (6, 5, '2024-03-08 12:00:00', 'paid', NULL),
    (7, 5, '2024-03-09 13:00:00', 'refunded', NULL),
    (8, 6, '2024-03-28 17:45:00', 'paid', NULL);
INSERT INTO order_items VALUES
    (1, 1, 'SERVER', 2, 450000),
    (2, 2, 'LICENSE', 10, 9900),
    (3, 3, 'MUGS', 20, 450),
    (4, 4, 'TOOLS', 1, 30000),
    (5, 5, 'BOOK', 2, 2500),
    (6, 6, 'HEADPHONES', 1, 19900),
    (7, 7, 'TV', 1, 99900),
    (8, 8, 'PRINTER', 1, 25000);
