"""Check kinds: one module each, registered in `registry`."""
