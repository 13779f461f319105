"""The performance self-evaluation's words: targets, scoring, the 绩效自评表."""

PERFORMANCE: dict[str, dict[str, str]] = {}
