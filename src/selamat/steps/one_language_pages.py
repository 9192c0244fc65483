"""Makes a page that has no version in the default language (written first in Malay, say) reachable on
every other language's site too, showing its original with the untranslated notice, as
mkdocs-static-i18n does only for pages in the default language; and points the language switcher of
such a page at each language's address."""
from mkdocs.structure.files import File

from selamat.languages import DEFAULT, LANGUAGES
from selamat.mkdocs_glue import context, language
from selamat.translations import original_of
from selamat.urls import dest_uri


def _file(config, page, lang):
    file = File(page.rel, config.docs_dir, config.site_dir, config.use_directory_urls,
                dest_uri=dest_uri(page.norm, lang, config.use_directory_urls))
    # the attributes mkdocs-static-i18n reads on its files
    file.locale, file.localization, file.locale_alternate_of, file.norm_src_uri = page.lang, page.lang, lang, page.norm
    return file


def on_files(files, config):
    lang = language(config)
    site = context(config, "").site
    for versions in site.by_norm.values():
        if DEFAULT in versions:
            continue  # mkdocs-static-i18n falls back to the default language by itself
        shown = versions.get(lang) or original_of(versions)
        here = files.get_file_from_path(shown.rel) if shown.lang == lang else _file(config, shown, lang)
        if here is None:
            continue
        if shown.lang != lang:
            files.append(here)
        here.alternates = {code: here if code == lang else _file(config, versions.get(code) or shown, code)
                           for code in LANGUAGES}
    return files
