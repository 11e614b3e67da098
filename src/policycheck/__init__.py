"""policycheck: check a school's school-home cooperation against municipal policy packs."""

__version__ = "0.1.0"
