"""Static export for wikis that allow no iframes: `python app.py export --out DIR [options]`.

For each chart (every panel, in page order) DIR gets `<name>.html` (an interactive page that works offline
from file://), `<name>.png` and `<name>.svg` (kaleido in the system's Chromium), `<name>.csv` (the dashboard's
Download CSV) and `<name>-sources.md` (the sources footnote as Markdown); once: `index.html`, `plotly.min.js`,
`crashboard-export.js` and `export.css`. The same data and options give byte-identical files.

Exit codes: 0 done; 1 DIR could not be written; 2 unknown --episode, --classes, --window, --lang or --theme
(the message names the valid values); 3 no browser for kaleido: PNG and SVG were skipped, with a message on
stderr saying how to fix it (install Debian's `chromium`, or set BROWSER_PATH), and every other file was written.
`--no-images` skips the images on purpose and exits 0.

Layout: `runner` orchestrates and holds the CLI; `chart` draws a panel once; `pages` writes HTML; `footnote` the
sources; `images` calls kaleido; `markup` escapes; `words` holds the export's own text; `static/` the shared
loader script and stylesheet copied into DIR.
"""

from __future__ import annotations

from .runner import (
    EXIT_FAILED,
    EXIT_NO_IMAGES,
    EXIT_OK,
    EXIT_USAGE,
    Report,
    add_arguments,
    command,
    run,
    state_from_options,
)

__all__ = [
    "EXIT_FAILED",
    "EXIT_NO_IMAGES",
    "EXIT_OK",
    "EXIT_USAGE",
    "Report",
    "add_arguments",
    "command",
    "run",
    "state_from_options",
]
