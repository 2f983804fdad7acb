"""The one Jinja2 environment every HTML page is rendered with.

Autoescaping is on for every template (all user strings are untrusted), undefined
names are errors, compiled templates are kept in Jinja2's bytecode cache
(:func:`bytecode_cache`), and ``csp_hash`` gives the Content-Security-Policy source of an
inline script: the SHA-256 of exactly the text inlined (CSP Level 2, section 4.2).
The style module's colours are available to every template as ``style``, and the pages' custom
properties (``style.PAGE``) as ``page_vars``.

References
----------
W3C (2016). Content Security Policy Level 2, "Valid hashes for script and style".
https://www.w3.org/TR/CSP2/#script-src-hash-usage
"""
from __future__ import annotations

import base64
import functools
import hashlib
from pathlib import Path

import jinja2
import markupsafe

from . import style

__all__ = ["environment", "csp_hash", "compile_templates", "bytecode_cache", "TEMPLATE_DIR"]

TEMPLATE_DIR = Path(__file__).parent / "templates"


def csp_hash(script: str) -> str:
    """The CSP source expression ``'sha256-…'`` for an inline script with exactly this text."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja2's file cache of compiled templates, which skips a cache file it cannot read whole (cut short,
    say) or cannot write (a full disk, a read-only temporary folder) instead of failing the page: the
    template is compiled from its source then, as without a cache."""

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:            # noqa: BLE001 - any unreadable cache file: compile instead
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


# What the compiled code depends on beside the template's source, which Jinja2 checks itself: its release (its
# cache checks only its bytecode format) and the environment's settings (trim_blocks and the like change the
# code, and Jinja2 does not key on them). Part of each cache file's name, so a change reads none of the old.
_ENVIRONMENT = {"autoescape": True, "keep_trailing_newline": True, "trim_blocks": True, "lstrip_blocks": True}


def _cache_pattern(release: str, settings: dict) -> str:
    """The cache files' name pattern (Jinja2's ``%s``: the template's key) for a Jinja2 release and settings."""
    digest = hashlib.sha256(repr((release, sorted(settings.items()))).encode()).hexdigest()[:16]
    return f"__ecosystem_{digest}_%s.cache"


_CACHE_PATTERN = _cache_pattern(jinja2.__version__, _ENVIRONMENT)


def bytecode_cache(directory: str | None = None) -> jinja2.BytecodeCache | None:
    """Jinja2's file cache of compiled templates, in ``directory`` or Jinja2's own per-user folder in the
    temporary folder (created private to the user, refused when another user owns it or can write to it);
    None when there is no such folder.

    Compiling the pages' templates takes about 0.05 CPU s of every ``ecosystem analyse``; loading them from
    the cache a tenth of that (issue 10). Jinja2 checks each cached template against its source and its
    bytecode format; the file's name holds Jinja2's release and the environment's settings
    (:data:`_CACHE_PATTERN`), so a change of either compiles the templates again.
    """
    try:
        return _BytecodeCache(directory, _CACHE_PATTERN)
    except (OSError, RuntimeError):      # RuntimeError: Jinja2 found no safe folder
        return None


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The shared environment (cached: templates are compiled once per process)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
        bytecode_cache=bytecode_cache(),
        undefined=jinja2.StrictUndefined,
        **_ENVIRONMENT,
    )
    env.filters["csp_hash"] = lambda s: markupsafe.Markup(csp_hash(str(s)))
    env.globals["style"] = style.CSS
    # The pages' colours and font as CSS custom properties (``:root { {{ page_vars }} }``), from style.PAGE.
    env.globals["page_vars"] = markupsafe.Markup(style.css_properties(style.PAGE))
    return env


def compile_templates() -> None:
    """Compile every template now, into :func:`environment`'s cache (a process forked later inherits them).

    ``ecosystem analyse`` calls it while the analysis runs (``api._import_render_stage``): the write
    stage's workers then render the report and the map without each compiling their templates
    first (about 0.03 CPU s per worker, after the analysis, on both cores).
    """
    env = environment()
    for name in env.list_templates(extensions=["j2"]):
        env.get_template(name)
