"""The chart-only page a wiki frames (/embed/<chart>)."""
