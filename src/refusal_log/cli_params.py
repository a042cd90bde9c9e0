"""Plain option values without pydantic: text, whole numbers, yes/no and lists of text.

Typer (0.29) turns each option's value into its Python type through a pydantic
TypeAdapter, so any command given a value imports pydantic, which costs more than
the rest of `search` or `check` together. Every option here is text, a whole number
(some with a range), a flag or a list of text; for those the conversion is one line
of Python, done here with Typer's own messages ("Input should be a valid integer,
...") and exit code 2. Anything else still goes to Typer's pydantic path.

Typer offers no hook for this, so `install()` wraps the method of Typer's parameter
class that builds the converter. If a Typer release renames it, install() leaves
Typer as it is: slower to start, never wrong (tests/test_structure.py notices).
"""

from __future__ import annotations

from typing import Any, Optional

_SCALARS: dict[Any, type] = {bool: bool, str: str, int: int, Optional[bool]: bool, Optional[str]: str,
                             Optional[int]: int}
_LISTS: dict[Any, type] = {list[str]: str, Optional[list[str]]: str}


class _Plain:
    """Typer's RuntimeParam contract (coerce) for one plain type, checked as Typer checks it."""

    def __init__(self, convert: type, many: bool, low: int | None, high: int | None) -> None:
        self.convert, self.many, self.low, self.high = convert, many, low, high

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        multi = param.multiple or param.nargs == -1
        if value is None:
            return () if multi else None
        if multi and isinstance(value, str):
            raise _bad("Value must be an iterable.", param, ctx)
        if self.many:
            return [self._one(item, param, ctx) for item in value]
        return self._one(value, param, ctx)

    def _one(self, value: Any, param: Any, ctx: Any) -> Any:
        if self.convert is str:
            return value if isinstance(value, str) else str(value)
        if self.convert is bool:
            if isinstance(value, bool):
                return value
            word = str(value).strip().lower()
            if word in ("1", "true", "t", "yes", "y", "on"):
                return True
            if word in ("0", "false", "f", "no", "n", "off"):
                return False
            raise _bad("Input should be a valid boolean, unable to interpret input", param, ctx)
        try:
            number = value if isinstance(value, int) else int(str(value).strip())
        except ValueError:
            raise _bad("Input should be a valid integer, unable to parse string as an integer", param, ctx) from None
        if self.low is not None and number < self.low:
            raise _bad(f"Input should be greater than or equal to {self.low}", param, ctx)
        if self.high is not None and number > self.high:
            raise _bad(f"Input should be less than or equal to {self.high}", param, ctx)
        return number


def _bad(message: str, param: Any, ctx: Any) -> Exception:
    from typer._click.exceptions import BadParameter

    return BadParameter(message, ctx=ctx, param=param)


def _plain_for(descriptor: Any) -> _Plain | None:
    info = descriptor.parameter_info
    annotation = descriptor.annotation
    if getattr(info, "parser", None) is not None or getattr(info, "click_type", None) is not None:
        return None
    if descriptor.file_annotation is not None or getattr(descriptor, "is_choice", False):
        return None
    low, high = getattr(info, "min", None), getattr(info, "max", None)
    if annotation in _SCALARS:
        convert = _SCALARS[annotation]
        if (low is not None or high is not None) and convert is not int:
            return None
        return _Plain(convert, False, low, high)
    if annotation in _LISTS and low is None and high is None:
        return _Plain(_LISTS[annotation], True, None, None)
    return None


def install() -> bool:
    """Use the plain converters for Typer's parameters from now on; False if Typer has changed."""
    try:
        from typer.core import _TyperParameter
    except ImportError:
        return False
    original = getattr(_TyperParameter, "get_runtime_param", None)
    if original is None or getattr(original, "_refusal_log_plain", False):
        return original is not None

    def get_runtime_param(self):
        if getattr(self, "_runtime_param", None) is None:
            descriptor = getattr(self, "type_descriptor", None)
            plain = _plain_for(descriptor) if descriptor is not None else None
            if plain is not None:
                self._runtime_param = plain
        return original(self)

    get_runtime_param._refusal_log_plain = True
    _TyperParameter.get_runtime_param = get_runtime_param
    return True
