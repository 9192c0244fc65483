"""Reads the pages and data files afresh at the start of every build (and each `mkdocs serve`
rebuild), so all steps of one build share one reading instead of re-reading per page. The languages
mkdocs-static-i18n builds inside the first one share its reading too: nothing changes in between."""

from selamat import state
from selamat.languages import DEFAULT
from selamat.mkdocs_glue import language


def on_pre_build(config):
    if language(config) == DEFAULT:
        state.forget()
