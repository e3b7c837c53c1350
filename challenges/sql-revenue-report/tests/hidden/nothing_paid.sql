-- Only refunded and cancelled orders: the report is empty.
INSERT INTO customers VALUES
    (1, 'Acme Corp', 'enterprise'),
    (2, 'Bistro Bob', 'smb'),
    (3, 'Carla', 'consumer'),
    (4, 'Dyna Systems', 'enterprise'),
    (5, 'Eve', 'consumer'),
    (6, 'Fix-It Ltd', 'smb');
INSERT INTO orders VALUES
    (1, 1, '2024-09-01 09:00:00', 'refunded', NULL),
    (2, 2, '2024-09-02 09:00:00', 'cancelled', 500);
INSERT INTO order_items VALUES
    (1, 1, 'SERVER', 1, 450000),
    (2, 2, 'DESK', 1, 32000);
