"""Pure-Python port of @rocket.chat/message-parser 0.32.0: `parse(text)` gives a message's `md` tree."""

from frontdesk.markdown.base import KatexOptions, ParserOptions
from frontdesk.markdown.nodes import Node
from frontdesk.markdown.parser import parse

__all__ = ["KatexOptions", "Node", "ParserOptions", "parse"]
