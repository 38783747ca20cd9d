"""The view state (state.py: the address and what it selects) and every component id (ids.py)."""
