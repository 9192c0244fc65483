"""Gives templates what they may not compute themselves: `selamat_t(key)`, an interface string of
data/ui-strings.yml in the language being built; `selamat_url(path, lang)`, a page's site-relative URL;
`selamat_other_homes`, the other languages' home pages, each labelled in its own language; and
`selamat_material`, which overrides/partials/languages/ms.html serves in place of Material's bundled
Malay strings (some wrong, some missing)."""
from selamat.mkdocs_glue import context
from selamat.parts import other_homes
from selamat.urls import page_url


def on_env(env, config, files):
    ctx = context(config, "")
    env.globals["selamat_t"] = ctx.t
    env.globals["selamat_lang"] = ctx.lang
    env.globals["selamat_other_homes"] = other_homes(ctx)
    env.globals["selamat_url"] = lambda norm, lang=ctx.lang: page_url(norm, lang, config.use_directory_urls)
    env.globals["selamat_material"] = ctx.data.ui.material
    return env
