"""Gives templates what they may not compute themselves: `selamat_t(key)`, an interface string of
data/ui-strings.yml in the language being built; `selamat_url(path, lang)`, a page's site-relative URL;
`selamat_other_homes`, the other languages' home pages, each labelled in its own language; and
`selamat_material`, Material's own strings from data/ui-strings.yml (`material.<code>`), which
overrides/partials/material-strings.html serves as partials/languages/<code>.html in place of Material's
bundled ones (for Malay, some wrong, some missing). With them, what overrides/main.html adds to Material's
template blocks (selamat/template_blocks.py: head scripts and links, the quick exit bar, the offline line)."""
import re

from jinja2 import ChoiceLoader, Environment, FunctionLoader

from selamat import template_blocks
from selamat.mkdocs_glue import context
from selamat.parts import other_homes
from selamat.urls import page_url

STRINGS_TEMPLATE = "partials/material-strings.html"
MATERIAL_ENGLISH = "partials/languages/en.html"
KEY = re.compile(r'^\s*"([\w.-]+)":', re.M)


def material_strings(env, ours: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """Each language's table of Material's strings: Material's English with ours over it, so a language
    may give only the strings it changes (English, its search count) and the rest stays Material's
    English, as Material's own fallback would give it (that fallback, partials/languages/en.html, is
    served from these tables too once English has one)."""
    theme = getattr(env.loader, "selamat_theme", env.loader)
    source = theme.get_source(env, MATERIAL_ENGLISH)[0]
    english = Environment(loader=theme).get_template(MATERIAL_ENGLISH).module
    base = {key: str(english.t(key)) for key in KEY.findall(source)}
    return {code: {**base, **table} for code, table in ours.items()}


def on_env(env, config, files):
    ctx = context(config, "")
    env.globals["selamat_t"] = ctx.t
    env.globals["selamat_lang"] = ctx.lang
    env.globals["selamat_other_homes"] = other_homes(ctx)
    env.globals["selamat_url"] = lambda norm, lang=ctx.lang: page_url(norm, lang, config.use_directory_urls)
    env.globals["selamat_material"] = material_strings(env, ctx.data.ui.material)
    env.globals.update(template_blocks.globals_for(config, files))
    env.filters.update(template_blocks.filters_for(config))
    if not isinstance(env.loader, ChoiceLoader) or not getattr(env.loader, "selamat", False):
        own = {f"partials/languages/{code}.html" for code in ctx.data.ui.material}
        theme = env.loader
        env.loader = ChoiceLoader([FunctionLoader(lambda name: theme.get_source(env, STRINGS_TEMPLATE)
                                                  if name in own else None), theme])
        env.loader.selamat = True
        env.loader.selamat_theme = theme
    return env
