"""Shared pieces of every chart: the themed base figure and marks, colours, words for figures, the provenance
hover, and the dated charts' event marks."""
