"""Serves the site's own scripts (extra_javascript: accessible-material, quick-exit, print, offline) as
one file, assets/javascripts/selamat.<hash>.js, in the order mkdocs.yml lists them: pages link that one
file instead of four, and the four are not copied into the site. Fewer requests before the first paint
keep the Largest Contentful Paint at the first paint (selamat/site_script.py says why)."""
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.structure.files import File

from selamat.site_script import site_script


def on_config(config, state):
    if state.site_script is None:  # the first build; later ones (the other language) find the list replaced
        state.site_script = site_script(Path(config.docs_dir), [str(entry) for entry in config.extra_javascript])
    if state.site_script is not None:
        config.extra_javascript = [ExtraScriptValue(state.site_script.path)]
    return config


def on_files(files, config, state):
    if state.site_script is None:
        return files
    for name in state.site_script.parts:
        part = files.get_file_from_path(name)
        if part is not None:
            files.remove(part)
    files.append(File.generated(config, state.site_script.path, content=state.site_script.content))
    return files
