"""The dashboard page's parts: its layout, controls, chart cards and the panels below the charts. No callbacks,
no file I/O."""
