"""Crashboard's data: curated YAML (sources.yaml, vocabulary.yaml, episodes/*.yaml) and the package that
validates it and loads it into typed pandas frames.

    from data import load_dataset
    ds = load_dataset()            # cached per process
    ds.frames["moves"]             # one frame per table
    ds.rejected                    # files that failed, with file:line:column issues
"""

from .errors import DataError, Issue
from .loader import DEFAULT_DIR, Dataset, FileReport, load_dataset

__all__ = ["DEFAULT_DIR", "DataError", "Dataset", "FileReport", "Issue", "load_dataset"]
