"""Reads the pages and data files afresh at the start of every build (each language's, and each
`mkdocs serve` rebuild), so all hooks of one build share one reading instead of re-reading per page."""
from mkdocs.plugins import event_priority

from selamat import state


@event_priority(100)  # before any hook reads the content
def on_pre_build(config):
    state.forget()
