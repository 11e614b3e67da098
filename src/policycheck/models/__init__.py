"""Pydantic models: what a pack, a plan and a report are. Loading and checking live elsewhere."""
