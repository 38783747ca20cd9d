"""Every component id of the page, in one place. Repeated widgets get dict ids for MATCH/ALL callbacks."""

PAGE = "page"
URL = "url"
VIEW = "view-state"            # dcc.Store: the state minus the selection; charts redraw when it changes
SELECTION = "selection"        # dcc.Store: the selected asset/fund/exchange id, or None
HIGHLIGHTED = "highlighted"    # dcc.Store written by the clientside highlighter (nothing reads it)
HOVER_SYNC = "hover-sync"      # dcc.Store written by the clientside hover sync
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
STATUS = "status"              # aria-live region announcing what the filters changed


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


def text(key: str) -> dict:
    """A piece of interface text, rewritten when the language changes."""
    return {"type": "text", "key": key}


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
