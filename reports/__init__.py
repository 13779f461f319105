"""Reports for auditors and the finance accounting centre, and the Fava extension."""
