"""The HTTP side of Crashboard: one Flask server carrying the dashboard, the chart embeds and presenter mode,
and the headers that say who may frame them."""
