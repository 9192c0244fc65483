"""Stops the build when the installed Material for MkDocs or mkdocs-static-i18n is not the version
pyproject.toml pins: several steps and scripts patch what those packages write (material_patches.py lists
each, with the version it was checked against), and an upgrade could break one quietly. The message names
the patches to re-check. SELAMAT_ALLOW_UNPINNED=1 (while upgrading on purpose) logs it and builds."""
import logging
import os

from mkdocs.exceptions import PluginError

from selamat import material_patches
from selamat.mkdocs_glue import all_languages_built, project_root

log = logging.getLogger("mkdocs.plugins.selamat.pins")


def on_config(config):
    if not all_languages_built(config):  # once per build, not again for each language
        return
    problem = material_patches.unpinned(project_root(config))
    if problem is None:
        return
    if os.environ.get("SELAMAT_ALLOW_UNPINNED") == "1":
        # INFO, not WARNING: `mkdocs build --strict` would stop on a warning, and the point is to build
        log.info("SELAMAT_ALLOW_UNPINNED=1, building anyway. %s", problem)
        return
    raise PluginError("\n" + problem + "\nTo build anyway while upgrading on purpose, set SELAMAT_ALLOW_UNPINNED=1.")
