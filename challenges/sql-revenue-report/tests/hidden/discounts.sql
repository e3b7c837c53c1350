-- Orders of several items with an order-level discount: the discount is taken once per order,
-- not once per item.
INSERT INTO customers VALUES
    (1, 'Acme Corp', 'enterprise'),
    (2, 'Bistro Bob', 'smb'),
    (3, 'Carla', 'consumer'),
    (4, 'Dyna Systems', 'enterprise'),
    (5, 'Eve', 'consumer'),
    (6, 'Fix-It Ltd', 'smb');
INSERT INTO orders VALUES
    (1, 1, '2024-04-02 09:00:00', 'paid', 10000),
    (2, 1, '2024-04-15 15:00:00', 'paid', NULL),
    (3, 2, '2024-04-03 10:00:00', 'paid', 2500),
    (4, 6, '2024-04-21 11:30:00', 'paid', 1000),
    (5, 3, '2024-04-05 19:00:00', 'paid', 1500),
    (6, 5, '2024-04-06 20:00:00', 'paid', NULL);
INSERT INTO order_items VALUES
    (1, 1, 'SEAT', 5, 20000),
    (2, 1, 'SUPPORT', 1, 50000),
    (3, 1, 'TRAINING', 2, 30000),
    (4, 2, 'SEAT', 1, 20000),
    (5, 3, 'PAPER', 10, 700),
    (6, 3, 'TONER', 2, 4500),
    (7, 3, 'STAPLER', 1, 1200),
    (8, 4, 'CABLE', 4, 900),
    (9, 4, 'ROUTER', 1, 8900),
    (10, 5, 'SHOES', 1, 8900),
    (11, 5, 'SOCKS', 3, 500),
    (12, 6, 'LAMP', 1, 4200);
