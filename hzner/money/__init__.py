"""MONEY: amounts of money with exact values, currency, bound and role."""
