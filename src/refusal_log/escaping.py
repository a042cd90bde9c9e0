"""How the shipped templates escape what they print: the same escaping, in less time.

With autoescape on, Jinja2 compiles every `{{ value }}` to `escape(value)`, MarkupSafe's
function, which escapes the text and wraps it in a new Markup object. A 20,000-entry
timeline prints about 340,000 values, and that wrapping (a Python-level constructor
each time) cost more than the escaping itself: about a quarter of the rendering.
Only the text is kept (Jinja joins the pieces into one string), so for a plain str
this environment writes MarkupSafe's escaped text directly, and a whole number its
digits; anything else (None, a Markup value, an object with __html__) still goes
through `escape` itself.
The characters written are exactly those `escape` writes (tests/test_timeline.py
renders hostile text both ways and compares).

Used for the shipped templates only. A home's own templates render in Jinja2's
sandbox, untouched by this.
"""

from __future__ import annotations

from typing import Any


def environment_class():
    """A jinja2.Environment subclass whose autoescaped output takes the short way for text."""
    import markupsafe
    from jinja2 import Environment
    from jinja2.compiler import CodeGenerator

    escape = markupsafe.escape
    # MarkupSafe's escaping of a str, without the Markup wrapper (its C speedup when built).
    inner = getattr(markupsafe, "_escape_inner", None)
    if inner is None:  # a MarkupSafe without it: the ordinary escape, whose text is the same

        def inner(text: str) -> str:
            return str(escape(text))

    def escape_text(value: Any) -> str:
        kind = type(value)
        if kind is str:
            return inner(value)
        if kind is int:  # an entry's number: digits (and a minus) need no escaping
            return str(value)
        return escape(value)

    class _Generator(CodeGenerator):
        def _output_child_pre(self, node, frame, finalize) -> None:
            if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile:
                self.write("environment.escape_text(")
                if finalize.src is not None:
                    self.write(finalize.src)
            else:
                super()._output_child_pre(node, frame, finalize)

    class TextEscapingEnvironment(Environment):
        code_generator_class = _Generator

    TextEscapingEnvironment.escape_text = staticmethod(escape_text)
    return TextEscapingEnvironment


class _Verbatim(str):
    """Text placed inside a Markdown code fence: shown as it is, so the Markdown finalize never escapes it again."""


def code_block(text: Any) -> str:
    """Text for the inside of a ``` fence. Nothing is Markdown there, so nothing is escaped (a backslash escaped
    there showed as two); only a run of backticks, which could close the fence, is broken up."""
    return _Verbatim(str(text).replace("``", "`\u200b`"))
