"""The HTTP side of Crashboard: one Flask server carrying the dashboard, the chart embeds and presenter mode,
its security headers and callback guard, compression and caching, and the gunicorn settings."""
