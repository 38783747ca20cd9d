"""Presenter mode (/present/): slides from data/stories/, their address, and their words."""
