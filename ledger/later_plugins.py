"""The entries as they end up: the plugins a ledger names after ours, run as the loader runs them.

Beancount runs a ledger's plugins in the order the ledger names them, each on what the one
before returned. A plugin named after `ledger.grant` that changes the entries would change them
after the grant was judged: `beancount.plugins.auto_accounts` opens the accounts the grant's
directives name, a plugin that adds transactions adds some on the dedicated account. So the
grant's plugins judge the entries as they end up: the first of ours to run runs the plugins
named after it (other than ours) on the entries it was given, as `loader.run_transformations`
would, and the grant ledger is built from the result. Whatever the order of the lines, the
findings and the load's grant ledger are those of the final entries.

    plugin "ledger.grant"
    plugin "beancount.plugins.auto_accounts"   ; runs twice: for the grant, then for real

The cost: the later plugins run twice. Their errors are dropped here, as Beancount reports
them when it runs them for real; so is an import that fails or a plugin that raises. A ledger
that names our plugin last pays nothing. Beancount's `pad` and `balance` (which run after every
named plugin) are not run: a `pad` on a grant account is a `config` finding, and the padding
Beancount makes is left out of the grant's activity (`ledger.activity`).
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any

from beancount import loader
from beancount.core import data

#: The plugins of this product: the grant plugin and its single-rule plugins.
OWN_PLUGIN = "ledger.grant"
OWN_RULES = "ledger.rules."

Plugin = tuple[str, Any]
"""A plugin line: the module's name and its configuration (None without one)."""


def is_own(name: str) -> bool:
    """Whether the plugin named `name` is one of ours (`ledger.grant`, `ledger.rules.*`)."""
    return name == OWN_PLUGIN or name.startswith(OWN_RULES)


def later_plugins(options_map: dict[str, Any]) -> list[Plugin]:
    """The plugins the loader runs after the first of ours, other than ours, in order.

    In the default processing mode the loader also runs its auto plugins after the ledger's
    (`bean-check --auto`); in the `raw` mode only the ledger's own. Beancount's `pad` and
    `balance` are left out (see the module's docstring).

    Returns:
        Nothing when no plugin of ours is named (a front end or a benchmark calling the plugin
        itself).
    """
    named: list[Plugin] = list(options_map.get("plugin") or ())
    if options_map.get("plugin_processing_mode", "default") == "default":
        named.extend(loader.PLUGINS_AUTO)
    first = next((i for i, (name, _) in enumerate(named) if is_own(name)), None)
    if first is None:
        return []
    return [(name, config) for name, config in named[first + 1 :] if not is_own(name)]


def entries_as_they_end_up(
    entries: Sequence[data.Directive], options_map: dict[str, Any]
) -> Sequence[data.Directive]:
    """`entries` after the plugins named after ours, run as Beancount's loader runs them.

    Each module is imported and each of its `__plugins__` called with `(entries, options_map)`,
    and its configuration when the line gives one; the entries are sorted after each module.
    The loader's own list is never changed: the first plugin gets a copy.

    Args:
        entries: the entries our plugin was given.
        options_map: the ledger's options.

    Returns:
        `entries` itself when no plugin is named after ours, else the entries as they end up.
    """
    plugins = later_plugins(options_map)
    if not plugins:
        return entries
    current = list(entries)
    for name, config in plugins:
        name = loader.RENAMED_MODULES.get(name, name)
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue  # Beancount reports it when it imports the module itself
        functions = getattr(module, "__plugins__", None)
        if functions is None:
            continue
        args = () if config is None else (config,)
        for function in functions:
            callback = getattr(module, function) if isinstance(function, str) else function
            try:
                current, _ = callback(current, options_map, *args)
            except Exception:  # Beancount reports it when it runs the plugin itself
                continue
        if not isinstance(current, list):
            current = list(current)
        current.sort(key=data.entry_sortkey)
    return current
