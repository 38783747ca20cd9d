"""Dash callbacks, one module per interaction, registered by `register(app)`.

The data-overview page has no interactions yet; the dashboard's callbacks live here.
"""


def register(app) -> None:
    """Attach every callback to `app` (none yet)."""
    return None
