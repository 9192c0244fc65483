"""Builds the other languages (Malay) in a forked process while English builds, on the machine's second
core, instead of one after the other (selamat/language_builds.py says how, and when it does not). The
fork happens at the start of the build, once this step has read the content and cleaned the site folder
(MkDocs' own cleaning, later, is skipped in this build: it would delete the copy's pages);
mkdocs-static-i18n's own build of that language then waits for the copy and takes over what it built."""
import mkdocs_static_i18n.plugin as i18n_plugin
from mkdocs import utils
from mkdocs.commands.build import build

from selamat import language_builds
from selamat.mkdocs_glue import context

MKDOCS_CLEAN_DIRECTORY = utils.clean_directory  # MkDocs' own, put back after the build


def on_startup(command, dirty):
    language_builds.allow(command, dirty)


def on_pre_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.building or not language_builds.allowed():
        return
    context(config, "")  # read the content now: the copy starts with this reading, as it would in turn
    dirty = language_builds.dirty()
    if not dirty:
        MKDOCS_CLEAN_DIRECTORY(config.site_dir)
        utils.clean_directory = lambda folder: None  # until on_post_build
    others = [lang for lang in i18n.build_languages if lang != i18n.current_language]
    language_builds.start(others, lambda lang: _build_in_copy(i18n, config, lang, dirty))
    i18n_plugin.build = _build_or_join


def _build_in_copy(i18n, config, lang, dirty):
    """What static-i18n's post-build step does for one more language, in the forked copy."""
    language_builds.quiet_inner_build_messages()
    i18n.building = True
    utils.clean_directory = lambda folder: None
    i18n.current_language = lang
    before = len(i18n.search_entries)
    build(config, dirty=dirty)
    return i18n.search_entries[before:]


def _build_or_join(config, **kwargs):
    """static-i18n's call to build one more language: wait for the copy building it, if there is one."""
    i18n = config.plugins.get("i18n")
    if not language_builds.building(i18n.current_language):
        return build(config, **kwargs)
    i18n.search_entries.extend(language_builds.join(i18n.current_language))


def _restore():
    i18n_plugin.build = build
    utils.clean_directory = MKDOCS_CLEAN_DIRECTORY


def on_post_build(config):
    if not config.plugins.get("i18n").building:
        _restore()


def on_build_error(error):
    language_builds.stop_all()
    _restore()
