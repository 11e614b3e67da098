"""Auditing a municipality: the per-school pipeline in parallel, then one aggregation step."""
