"""Puts the offline-reading line at the foot of every page: a link to "Save for offline reading" on
the guide that places it (Covering your tracks), where what it saves and the trace it leaves are
explained; once the reader has saved this language, the state and a button that removes the copy
(shown by offline.js)."""
from selamat.mkdocs_glue import context
from selamat.offline import explainer, footer, insert_footer


def on_pre_build(config, state):
    state.explained_in.clear()  # found once per build


def on_post_page(output, page, config, state):
    ctx = context(config, page.url)
    if "norm" not in state.explained_in:
        state.explained_in["norm"] = explainer(ctx.site)
    return insert_footer(output, footer(ctx, state.explained_in["norm"]))
