"""Every component id of the page, in one place. Repeated widgets get dict ids for MATCH/ALL callbacks."""

PAGE = "page"
URL = "url"
VIEW = "view-state"  # dcc.Store: the state minus the selection; charts redraw when it changes
SELECTION = "selection"  # dcc.Store: the selected asset/fund/exchange id, or None
CHARTS_SYNC = "charts-sync"  # dcc.Store written by the clientside bridge to assets/charts.js (nothing reads it)
EPISODE = "episode"
CLASSES = "classes"
WINDOW = "window"
TAB = "tab"
LANG = "lang"
THEME = "theme"
CLEAR = "clear-selection"
SELECTED_LABEL = "selected-label"
CRASH_TAB = "tab-crash"
CONTEXT_TAB = "tab-context"
DETAIL = "detail"
SOURCES = "sources"
CONFLICTS = "conflicts"
EPISODES = "episodes"
REJECTED = "rejected-files"
STATUS = "status"  # aria-live region announcing what the filters changed
CLASSES_SUMMARY = "classes-summary"  # the closed classes menu says which are picked
WINDOW_SUMMARY = "window-summary"
SEARCH = "search"  # find an asset, fund, exchange, holder or indicator by name, ticker or alias
SEARCH_NOTE = "search-note"  # "only in another episode" and the button that switches to it
SEARCH_SWITCH = "search-switch"
STORY = "story"  # the episode's headline, its summary and its key figures
TOOLS = "tools"  # the one data / download / share panel, for the chart whose button opened it
TOOLS_CHART = "tools-chart"  # dcc.Store: the name of that chart, or None when the panel is closed
TOOLS_TITLE = "tools-title"
TOOLS_CLOSE = "tools-close"
TOOLS_TABLE = "tools-table"
TOOLS_DOWNLOAD = "tools-download-button"
TOOLS_FILE = "tools-download"
REPORT = "data-report"  # <details>: the loaded files and their counts, built when opened
REPORT_SUMMARY = "data-report-summary"  # its summary: the click that opens it builds it


def chart(name: str) -> str:
    """The slot assets/charts.js draws a chart into (a plain element: the dashboard's charts are not dcc.Graph)."""
    return f"chart-{name}"


def tools_button(name: str) -> dict:
    """A chart card's button that opens the data / download / share panel for it."""
    return {"type": "tools-button", "name": name}


def extra(name: str) -> str:
    """Headline tiles above a chart, filled by assets/charts.js."""
    return f"extra-{name}"


def text(key: str, where: str = "") -> dict:
    """A piece of interface text, rewritten when the language changes. Text repeated on the page (in every
    chart card) names where it is: 'share.title@drawdowns'."""
    return {"type": "text", "key": f"{key}@{where}" if where else key}


def text_key(text_id: dict) -> str:
    """The i18n key of a text id."""
    return str(text_id.get("key", "")).split("@")[0]


def summary(name: str) -> str:
    """The chart's text alternative; a string id so that aria-describedby can point at it."""
    return f"summary-{name}"


def panel(name: str) -> str:
    return f"panel-{name}"


def episode_card(episode_id: str) -> dict:
    """Dict id of one episode's card."""
    return {"type": "episode-card", "episode": episode_id}


def counts_table(episode_id: str) -> dict:
    return {"type": "counts-table", "episode": episode_id}


# --- the chart embed (/embed/<chart>) ---
EMBED = "embed"
EMBED_TITLE = "embed-title"
EMBED_EXTRA = "embed-extra"
EMBED_CHART = "embed-chart"
EMBED_SUMMARY = "embed-summary"
EMBED_CREDIT = "embed-credit"
EMBED_BACK = "embed-back"

# --- presenter mode (/present/) ---
PRESENT = "present"
PRESENT_STORY = "present-story"
PRESENT_TITLE = "present-title"
PRESENT_COUNTER = "present-counter"
PRESENT_PREV = "present-prev"
PRESENT_NEXT = "present-next"
PRESENT_CLEAR = "present-clear"
PRESENT_NOTES_BUTTON = "present-notes-button"
PRESENT_NOTES = "present-notes"
PRESENT_EXTRA = "present-extra"
PRESENT_CHART = "present-chart"
PRESENT_SUMMARY = "present-summary"
PRESENT_CREDIT = "present-credit"
PRESENT_EXIT = "present-exit"
PRESENT_KEYS = "present-keys"
PRESENT_LINK = "present-link"  # the dashboard's way into presenter mode


def class_button(asset_class: str) -> dict:
    """A presenter's big toggle for one asset class."""
    return {"type": "class-button", "class": asset_class}


SHARE_LINK = "share-link"  # the tools panel's permalink box; the iframe snippet and the script tag beside it
SHARE_IFRAME = "share-iframe"
SHARE_SCRIPT = "share-script"


PRESENT_CLASSES = "present-classes"
