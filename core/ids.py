"""Every component id of the page, in one place. Repeated widgets get dict ids for MATCH/ALL callbacks."""

PAGE = "page"
URL = "url"
VIEW = "view-state"  # dcc.Store: the state minus the selection; charts redraw when it changes
SELECTION = "selection"  # dcc.Store: the selected asset/fund/exchange id, or None
HIGHLIGHTED = "highlighted"  # dcc.Store written by the clientside highlighter (nothing reads it)
HOVER_SYNC = "hover-sync"  # dcc.Store written by the clientside hover sync
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


def tab_view(tab: str) -> str:
    """dcc.Store: the view, set in the browser only while `tab` is open; the charts of the tab draw on it, so
    a view change sends no request for the charts of a closed tab."""
    return f"view-{tab}"


def table_view(name: str) -> dict:
    """dcc.Store: the view and selection while a chart's data table is open, else None (set in the browser),
    so a view change asks the server for open tables only."""
    return {"type": "table-view", "name": name}


def chart(name: str) -> dict:
    return {"type": "chart", "name": name}


def data_toggle(name: str) -> dict:
    return {"type": "data-toggle", "name": name}


def table(name: str) -> dict:
    return {"type": "data-table", "name": name}


def download_button(name: str) -> dict:
    return {"type": "download-button", "name": name}


def download(name: str) -> dict:
    return {"type": "download", "name": name}


def extra(name: str) -> dict:
    return {"type": "extra", "name": name}


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


def share_link(name: str) -> dict:
    """A chart's permalink box in its Share / Embed panel; share_iframe and share_script are its siblings."""
    return {"type": "share-link", "name": name}


def share_iframe(name: str) -> dict:
    return {"type": "share-iframe", "name": name}


def share_script(name: str) -> dict:
    return {"type": "share-script", "name": name}


PRESENT_CLASSES = "present-classes"
