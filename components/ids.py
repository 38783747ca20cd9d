"""Every component id of the page, in one place."""

PAGE = "page"
EPISODES = "episodes"
REJECTED = "rejected-files"
SOURCES = "sources"


def episode_card(episode_id: str) -> dict:
    """Dict id of one episode's card."""
    return {"type": "episode-card", "episode": episode_id}


def counts_table(episode_id: str) -> dict:
    return {"type": "counts-table", "episode": episode_id}
