"""Makes a page written only in Malay (a statement, say) reachable on the English site too, with the
untranslated notice, as mkdocs-static-i18n does only the other way round; and points the language
switcher of such a page at its other-language address."""
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from selamat.languages import DEFAULT, LANGUAGES
from selamat.mkdocs_glue import context, language
from selamat.urls import dest_uri


def _file(config, page, lang):
    file = File(page.rel, config.docs_dir, config.site_dir, config.use_directory_urls,
                dest_uri=dest_uri(page.norm, lang, config.use_directory_urls))
    # the attributes mkdocs-static-i18n reads on its files
    file.locale, file.localization, file.locale_alternate_of, file.norm_src_uri = page.lang, page.lang, lang, page.norm
    return file


@event_priority(-200)  # after mkdocs-static-i18n (-100) has chosen this language's files
def on_files(files, config):
    lang = language(config)
    site = context(config, "").site
    for versions in site.by_norm.values():
        if DEFAULT in versions:
            continue  # mkdocs-static-i18n falls back to English by itself
        page = next(iter(versions.values()))
        here = files.get_file_from_path(page.rel) if lang == page.lang else _file(config, page, lang)
        if here is None:
            continue
        if lang != page.lang:
            files.append(here)
        here.alternates = {code: here if code == lang else _file(config, page, code) for code in LANGUAGES}
    return files
