-- Each paid order's revenue first (its items summed, its discount taken once), then the groups:
-- joining items straight to orders would repeat an order's discount once per item.
WITH item_totals AS (
    SELECT order_id, sum(quantity * unit_price_cents) AS items_cents
    FROM order_items
    GROUP BY order_id
),
paid_orders AS (
    SELECT substr(o.ordered_at, 1, 7) AS month,
           CASE WHEN o.customer_id IS NULL THEN 'guest' ELSE coalesce(c.segment, 'unassigned') END AS segment,
           coalesce(t.items_cents, 0) - coalesce(o.discount_cents, 0) AS revenue_cents
    FROM orders AS o
    LEFT JOIN customers AS c ON c.id = o.customer_id
    LEFT JOIN item_totals AS t ON t.order_id = o.id
    WHERE o.status = 'paid'
)
SELECT month, segment, count(*) AS orders, sum(revenue_cents) AS revenue_cents
FROM paid_orders
GROUP BY month, segment
HAVING sum(revenue_cents) >= 5000
ORDER BY month, revenue_cents DESC, segment;
