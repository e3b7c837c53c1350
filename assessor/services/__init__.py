"""The product's rules, as plain functions over models and values (never `request`)."""
