"""Serves the site's own scripts (extra_javascript: accessible-material, quick-exit, print, offline) as
one file, assets/javascripts/selamat.<hash>.js, in the order mkdocs.yml lists them: pages link that one
file instead of four, and the four are not copied into the site. Fewer requests before the first paint
keep the Largest Contentful Paint at the first paint (selamat/site_script.py says why)."""
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from selamat.site_script import site_script

_script = None  # this configuration's combined script (each language's build sees the same)


def on_config(config):
    global _script
    if _script is None:  # the first build; later ones (the other language) find the list replaced
        _script = site_script(Path(config.docs_dir), [str(entry) for entry in config.extra_javascript])
    if _script is not None:
        config.extra_javascript = [ExtraScriptValue(_script.path)]
    return config


@event_priority(-150)  # after mkdocs-static-i18n (-100) has chosen this language's files
def on_files(files, config):
    if _script is None:
        return files
    for name in _script.parts:
        part = files.get_file_from_path(name)
        if part is not None:
            files.remove(part)
    files.append(File.generated(config, _script.path, content=_script.content))
    return files
