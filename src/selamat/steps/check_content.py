"""Stops the build when the content or data has a problem, with one plain line per problem
(the same checks as `selamat check`), so an editor never sees a Python traceback. Warnings (a law
page or help service not checked for a year) are logged and do not stop it."""
import logging

from mkdocs.exceptions import PluginError

from selamat import check
from selamat.data import DataError
from selamat.languages import DEFAULT
from selamat.mkdocs_glue import context, language, languages_differ, project_root
from selamat.project import Project


def on_config(config):
    wrong = languages_differ(config)
    if wrong:
        raise PluginError(wrong)


def on_pre_build(config):
    if language(config) != DEFAULT:  # mkdocs-static-i18n builds each language; check once
        return
    ctx = context(config, "")  # the build's reading of the pages and data, shared with the other steps
    try:
        ctx.data.messages
    except DataError as err:
        raise PluginError("\n" + check.unreadable_messages(err, "en")) from None
    problems, pages = check.run(Project(project_root(config)), ctx.site, ctx.data, render=False)  # the build sanitises as it renders
    data = ctx.data
    if check.errors(problems):
        raise PluginError("\n" + check.report(problems, pages, data, "en"))
    for warning in problems:
        logging.getLogger("mkdocs").info(warning.render(data, "en"))
