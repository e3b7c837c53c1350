CREATE TABLE accounts (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    plan TEXT NOT NULL
);
CREATE TABLE events (
    id           INTEGER PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts (id),
    kind         TEXT NOT NULL,      -- 'login', 'view', 'purchase', 'refund' (older rows: any letter case)
    amount_cents INTEGER,            -- purchases and refunds only
    created_at   TEXT NOT NULL       -- 'YYYY-MM-DD HH:MM:SS', UTC
);
