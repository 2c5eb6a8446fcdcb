"""Emoji rules: `:shortcode:`, unicode emoji (by UTF-16 ranges, as the grammar does) and ASCII emoticons."""

from __future__ import annotations

import re
from collections.abc import Callable

from frontdesk.markdown import nodes
from frontdesk.markdown.base import ParserBase, Res

_SHORTCODE = re.compile(r":([0-9a-zA-Z\-_+.]+):")

# Unicode emoji as the grammar spells them over UTF-16 code units.
_VS = "[\ufe00-\ufe0f]?"
_SKIN = "(?:\ud83c[\udffb-\udfff])?"
_FACES = f"\ud83d[\ude00-\ude4f]{_VS}"
_TRANSPORT = f"\ud83d[\ude80-\udeff]{_VS}"
_SYMBOLS = f"[\u2600-\u26ff]{_VS}"
_DINGBATS = f"[\u2700-\u27bf]{_VS}"
_SQUARES = f"(?:[\u2b1b-\u2b1c]{_VS}|\ud83d[\udfe0-\udfeb\udff0]{_VS})"
_ELEMENT = (
    "(?:\ud83e[\udd00-\udfff]"
    f"|\ud83c[\udf00-\udfff]{_VS}|\ud83d[\udc00-\uddff]{_VS}"
    f"|{_FACES}|{_TRANSPORT}|{_DINGBATS}|{_SYMBOLS}|[\u2194-\u2195]{_VS}|{_SQUARES})"
)
_SEQUENCE = f"(?:{_ELEMENT}{_SKIN}\u200d)*+{_ELEMENT}{_SKIN}"
_UNICODE = re.compile(
    "|".join(
        (
            "\ud83c\udff4(?:\udb40[\udc20-\udc7e])+\udb40\udc7f",  # subdivision flags
            "[0-9#*]\ufe0f?\u20e3",  # keycaps
            _SEQUENCE,
            _FACES,
            _TRANSPORT,
            f"[\u2300-\u23ff]{_VS}",
            _SYMBOLS,
            _DINGBATS,
            _SQUARES,
            f"\ud83c[\udccf\udd8e\udd91-\udd9a\ude01\ude32-\ude3a\ude50-\ude51]{_VS}",
            "[\xa9\xae\u203c\u2049\u2122\u2139\u2196-\u2199\u21a9-\u21aa\u24c2\u25aa-\u25ab\u25b6\u25c0"
            "\u25fb-\u25fe\u2934-\u2935\u2b05-\u2b07\u2b50\u2b55\u3030\u303d\u3297\u3299]\ufe0f",
            "\ud83c[\udc04\udd70-\udd71\udd7e-\udd7f\ude02\ude1a\ude2f]\ufe0f",
            "\ud83c[\udde6-\uddff]\ud83c[\udde6-\uddff]",  # flags
        )
    )
)

# Emoticons grouped by first character; within a group the first listed text that matches wins.
_EMOTICON_GROUPS: tuple[tuple[str, str], ...] = (
    (":-D :D", "smiley"),
    (":') :'-)", "joy"),
    (":-) :) :]", "slight_smile"),
    (":-* :* :^*", "kissing_heart"),
    (":-P :P :-Þ :Þ :-b :b", "stuck_out_tongue"),
    (":-( :( :-[ :[", "disappointed"),
    (":-/ :-. :/ :\\ :L", "confused"),
    (":'( ':-(", "cry"),
    (":@", "angry"),
    (":$", "flushed"),
    (":-X :X :-# :#", "no_mouth"),
    (":-O :O", "open_mouth"),
    (";) ;-) ;-] ;] ;D ;^)", "wink"),
    (";( ;-(", "cry"),
    ("</3", "broken_heart"),
    ("<3", "heart"),
    (">:) >;) >:-) >=)", "laughing"),
    (">.<", "persevere"),
    (">:P", "stuck_out_tongue_winking_eye"),
    (">:\\ >;/", "confused"),
    (">:( >:-(", "angry"),
    (">:[", "disappointed"),
    (">:O", "open_mouth"),
    ("=D", "smiley"),
    ("=] =)", "slight_smile"),
    ("=*", "kissing_heart"),
    ("=P", "stuck_out_tongue"),
    ("=(", "disappointed"),
    ("=/ =\\ =L", "confused"),
    ("=$", "flushed"),
    ("=X =#", "no_mouth"),
    ("D:", "fearful"),
    ("B-) B) B-D", "sunglasses"),
    ("8) 8-) 8-D", "sunglasses"),
    ("':) ':-) '=) ':D ':-D '=D", "sweat_smile"),
    ("':( ':-( '=(", "sweat"),
    ("O:-) O:) O;-) O=) O:-3 O:3", "innocent"),
    ("O_O", "open_mouth"),
    ("0:-3 0:3 0:-) 0:) 0;^) 0;-)", "innocent"),
    ("*-) *)", "wink"),
    ("*\\0/* *\\O/*", "person_gesturing_ok"),
    ("X-P", "stuck_out_tongue_winking_eye"),
    ("X) X-)", "dizzy_face"),
    ("#-) #)", "dizzy_face"),
    ("%-) %)", "dizzy_face"),
    ("(y)", "thumbsup"),
    ("-___- -__- -_-", "expressionless"),
    ("\\0\\/ \\O\\/", "person_gesturing_ok"),
)


def _by_first_char() -> dict[str, list[tuple[str, str]]]:
    # The grammar dispatches on a group's first character; a text starting otherwise can never match there.
    table: dict[str, list[tuple[str, str]]] = {}
    for texts, short_code in _EMOTICON_GROUPS:
        first = texts[0]
        table.setdefault(first, []).extend((t, short_code) for t in texts.split() if t[0] == first)
    return table


EMOTICONS = _by_first_char()


class EmojiRules(ParserBase):
    def emoji(self, p: int) -> Res:
        s = self.s
        m = _SHORTCODE.match(s, p)
        if m:
            return m.end(), nodes.emoji(m.group(1))
        m = _UNICODE.match(s, p)
        if m:
            return m.end(), nodes.emoji_unicode(m.group(0))
        return None

    def emoticon(self, p: int) -> Res:
        if not self.options.emoticons or p >= self.n:
            return None
        s = self.s
        for text, short_code in EMOTICONS.get(s[p], ()):
            if s.startswith(text, p):
                return p + len(text), nodes.emoticon(text, short_code)
        return None

    def emoticon_followed(self, p: int, rule: int, follower: Callable[[int], Res], extra: str = "") -> Res:
        """An emoticon must be followed by a neighbour or by something the memoised `follower` parses.

        Runs of emoticons would make that lookahead recurse once per emoticon, so the follower is first
        evaluated from the far end of the run backwards, each step finding the next one memoised.
        """
        found = self.emoticon(p)
        if found is None:
            return None
        q = found[0]
        if self.neighbor(q) or (extra and self.s.startswith(extra, q)):
            return found
        chain = [q]
        while not self.is_memoized(rule, chain[-1]):
            nxt = self.emoticon(chain[-1])
            if nxt is None or self.neighbor(nxt[0]):
                break
            chain.append(nxt[0])
        for pos in reversed(chain[1:]):
            follower(pos)
        return found if follower(q) is not None else None
