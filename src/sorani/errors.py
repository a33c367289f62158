"""The exception hierarchy. Everything sorani raises on purpose is a ``SoraniError`` (or a ``TypeError``
for a non-``str`` argument)."""

from __future__ import annotations


class SoraniError(Exception):
    """Base class for sorani's own errors."""


class ConfigError(SoraniError, ValueError):
    """An option or configuration value that sorani does not know."""


class DataError(SoraniError):
    """A shipped data table is missing or malformed (a packaging bug, not a user error)."""


class InputError(SoraniError, ValueError):
    """Input that cannot be processed, e.g. undecodable bytes in a file."""


def require_str(value: object, name: str = "text") -> str:
    """Return ``value`` if it is a ``str``; raise ``TypeError`` naming the argument otherwise."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be str, not {type(value).__name__}")
    return value


def require_bool(value: object, name: str) -> bool:
    """Return ``value`` if it is True or False; raise ``ConfigError`` naming the option otherwise (a truthy
    string such as ``"no"`` must not switch an option on)."""
    if not isinstance(value, bool):
        raise ConfigError(f"{name} must be True or False, not {value!r}")
    return value
