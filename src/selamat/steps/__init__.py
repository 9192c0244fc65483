"""The build's steps: each module does one job at one or more MkDocs events (`on_<event>` functions,
thin: the logic lives in the package). They run in the order src/selamat/build_order.py lists, through
the `selamat` plugin (plugin.py); a step that needs what another step left takes a `state` parameter
(build_state.py)."""
