"""The `selamat` MkDocs plugin (mkdocs.yml: `plugins: [..., selamat]`, registered by the entry point in
pyproject.toml): runs the steps of selamat/steps/ in the order build_order.py lists, with the priorities
written there, through MkDocs' public API (one `CombinedEvent` per event). It owns the build's shared
state (build_state.py) and passes it to every step that takes a `state` parameter."""
from __future__ import annotations

import inspect

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from . import build_order
from .build_state import BuildState


class SelamatPlugin(BasePlugin):
    def __init__(self) -> None:
        self.state = BuildState()


def _handler(event: str, step: build_order.Step):
    """A method of the plugin that calls the step's `on_<event>` (with the build state if it asks)."""
    run = build_order.function(step, event)
    if "state" in inspect.signature(run).parameters:
        def handler(self, *args, **kwargs):
            return run(*args, **kwargs, state=self.state)
    else:
        def handler(self, *args, **kwargs):
            return run(*args, **kwargs)
    handler.__qualname__ = handler.__name__ = f"{step.name}.on_{event}"
    return event_priority(step.priority)(handler)


def _refuse(problems: list[str]):
    def on_config(self, config):
        raise PluginError("The build order (src/selamat/build_order.py) does not match src/selamat/steps/:\n"
                          + "\n".join(f"  - {p}" for p in problems))
    return on_config


_problems = build_order.problems()
if _problems:  # reported as a build error, not as a traceback while MkDocs loads the plugin
    SelamatPlugin.on_config = _refuse(_problems)
else:
    for _event, _steps in build_order.steps().items():
        setattr(SelamatPlugin, f"on_{_event}", CombinedEvent(*(_handler(_event, step) for step in _steps)))
