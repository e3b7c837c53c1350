-- Monthly revenue per customer segment: see the statement for every rule.
-- This first attempt gets the shape right, but not the numbers.
SELECT substr(o.ordered_at, 1, 7) AS month,
       c.segment AS segment,
       count(*) AS orders,
       sum(i.quantity * i.unit_price_cents) AS revenue_cents
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id
JOIN order_items AS i ON i.order_id = o.id
GROUP BY month, segment
ORDER BY month, revenue_cents DESC;
