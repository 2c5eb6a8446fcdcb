"""Link rules: `[label](url)`, `<url|label>`, images, auto-linked URLs, e-mails and phone numbers."""

from __future__ import annotations

import re

from frontdesk.markdown import nodes
from frontdesk.markdown.base import DIGITS, REFS, ParserBase, Res
from frontdesk.markdown.domains import can_parse_url, inspect_host
from frontdesk.markdown.unicode_classes import ALNUM_MARK_CHAR

# DomainChar: an alphanumeric, `_` or `-` plus the next character, or one character that is neither
# punctuation, a "safe" URL character, whitespace nor a delimiter.
_DOMAIN_CHAR = (
    r"(?:[a-zA-Z0-9]|[_-][^\r\n \t\\/|><%`\[\]]"
    r"|[^.,!%~*\"':;()=$@&+_#?\-\r\n \t\\/|><%`\[\]])"
)
_DOMAIN = f"(?:localhost|(?!_){_DOMAIN_CHAR}++(?:\\.{_DOMAIN_CHAR}++)++)"
DOMAIN = re.compile(_DOMAIN)
_HOST = f"(?:{_DOMAIN}|[0-9]+(?:\\.[0-9]+){{3}})(?::[0-9]+)?"
_SCHEME = r"[A-Za-z0-9+\-]{1,32}+:"
_USERINFO = r"(?:[A-Za-z0-9$&+_#?\-]++(?::[A-Za-z0-9$&+_#?\-]++)?@)?+"
_URL_HEAD = re.compile(f"{_SCHEME}//{_USERINFO}{_HOST}|{_HOST}")
SCHEME = re.compile(_SCHEME)
_LOCAL_PART = f"(?:{ALNUM_MARK_CHAR}++[!#$%&'*+/=?^_`{{|}}~\\-]*+)++"
_EMAIL = re.compile(f"(?:mailto:)?+({_LOCAL_PART}(?:\\.{_LOCAL_PART})*+@{_DOMAIN})")
_EMAIL_AHEAD = re.compile(r"[^ \t\r\n@]*")
_URL_AHEAD = re.compile(r"[^ \t\r\n:./@]*")
_URL_WITH_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]{0,31}://")

_EXTRA = ".,!%~*\"':;()=~"
_MD_EXTRA = ".,!%*\"':;="
_MD_EXTRA_RUN = re.compile(r"[.,!%*\"':;=]+")
_EXTRA_RUN = re.compile(r"[.,!%~*\"':;()=~]+")
_MD_URL_CHAR = re.compile(r"[ -'*-\[\]-{}-~\x80-\uffff]")
_PAREN_CHAR = re.compile(r"[ -(*-\[\]-{}-~\x80-\uffff]")
_TITLE_RUN = re.compile(r"[^\]()*_~ \t\r\n]*")
_NOT_BRACKET = re.compile(r"[^\]]*")
_PIPE_TITLE = re.compile(r"[ -;=?-{}-\uffff]+")
_LINE = re.compile(r"[ \t]*+[ -'+-Za-z\x80-\uffff]++[ \t]*+")
_SPACE_OR_EOL = " \t\r\n"

_TITLE_ITEM = 1
_TITLE_END = 2
_REFS = 3


class LinkRules(ParserBase):
    # -- URL pieces --------------------------------------------------------------------------------------

    def _markdown_url_tail(self, p: int) -> int:
        """MarkdownLinkURLBody*: stops at whitespace, `)` or punctuation that precedes whitespace."""
        s, n = self.s, self.n
        while p < n:
            ch = s[p]
            if ch in " \t)":
                break
            if ch in _MD_EXTRA:
                run = _MD_EXTRA_RUN.match(s, p)
                assert run is not None
                if run.end() < n and s[run.end()] in _SPACE_OR_EOL:
                    break
                p = run.end()
            elif _MD_URL_CHAR.match(s, p):
                p += 1
            elif ch == "(":
                q = p + 1
                while q < n and s[q] not in _SPACE_OR_EOL and _PAREN_CHAR.match(s, q):
                    q += 1
                if not s.startswith(")", q):
                    break
                p = q + 1
            else:
                break
        return p

    def _tail(self, p: int, char: re.Pattern[str] | None) -> int:
        """URL body: allowed chars, but no punctuation run that precedes whitespace or the end."""
        s, n = self.s, self.n
        while p < n:
            ch = s[p]
            if ch in _SPACE_OR_EOL:
                break
            if ch in _EXTRA:
                run = _EXTRA_RUN.match(s, p)
                assert run is not None
                end = run.end()
                if end >= n or s[end] in _SPACE_OR_EOL:
                    break
                if char is None:
                    p = end
                    continue
            if char is not None and not char.match(s, p):
                break
            p += 1
        return p

    def phone(self, p: int) -> tuple[int, str, str] | None:
        """`+` PhoneNumber as (end, text, digits)."""
        s = self.s
        if not s.startswith("+", p):
            return None
        q = p + 1
        prefix = DIGITS.match(s, q)
        if prefix:
            after, text, number = prefix.end(), prefix.group(0), prefix.group(0)
        else:
            inner = DIGITS.match(s, q + 1) if s.startswith("(", q) else None
            if inner is None or not s.startswith(")", inner.end()):
                return None
            after, text, number = inner.end() + 1, f"({inner.group(0)})", inner.group(0)
        dashed = DIGITS.match(s, after + 1) if s.startswith("-", after) else None
        if dashed:
            return dashed.end(), f"+{text}-{dashed.group(0)}", number + dashed.group(0)
        more = DIGITS.match(s, after)
        if more:
            tail = DIGITS.match(s, more.end() + 1) if s.startswith("-", more.end()) else None
            if tail:
                digits = number + more.group(0) + tail.group(0)
                return tail.end(), f"+{text}{more.group(0)}-{tail.group(0)}", digits
            return more.end(), f"+{text}{more.group(0)}", number + more.group(0)
        return (after, f"+{text}", number) if prefix else None

    def autolinked_phone(self, p: int) -> Res:
        found = self.phone(p)
        if found is None:
            return None
        end, text, number = found
        return end, nodes.plain(text) if len(number) < 5 else nodes.link(f"tel:{number}", [nodes.plain(text)])

    def markdown_link_ref(self, p: int) -> tuple[int, str] | None:
        s = self.s
        head = _URL_HEAD.match(s, p)
        if head:
            end = self._markdown_url_tail(head.end())
            return end, s[p:end]
        scheme = SCHEME.match(s, p)
        if scheme:
            end = self._markdown_url_tail(scheme.end())
            if end > scheme.end():
                return end, s[p:end]
        phone = self.phone(p)
        return (phone[0], "tel:" + phone[2]) if phone else None

    def _pipe_link_ref(self, p: int) -> tuple[int, str] | None:
        s = self.s
        head = _URL_HEAD.match(s, p)
        if head:
            end = self._tail(head.end(), _PAREN_CHAR)
            return end, s[p:end]
        scheme = SCHEME.match(s, p)
        if scheme:
            end = self._tail(scheme.end(), _PAREN_CHAR)
            if end > scheme.end():
                return end, s[p:end]
        phone = self.phone(p)
        return (phone[0], "tel:" + phone[2]) if phone else None

    # -- references ---------------------------------------------------------------------------------------

    def _title_item(self, p: int) -> Res:
        return self.memo(_TITLE_ITEM, self._title_item_raw, p)

    def _title_item_raw(self, p: int) -> Res:
        s = self.s
        if p >= self.n:
            return None
        found = self.whitespace(p) or self.emphasis(p)
        if found:
            return found
        found = self.run(_TITLE_RUN, p)
        if found:
            return found
        if s.startswith("](", p) and p + 2 < self.n:
            return None
        if s.startswith("] [", p):
            q = _NOT_BRACKET.match(s, p + 3)
            assert q is not None
            if s.startswith("](", q.end()):
                return None
        return p + 1, nodes.plain(s[p])

    def maybe_refs(self, p: int) -> Res:
        if self.flags & REFS:
            return None
        return self.memo(_REFS, self._guarded_references, p)

    def _guarded_references(self, p: int) -> Res:
        self.flags |= REFS
        try:
            return self._references(p)
        finally:
            self.flags &= ~REFS

    def _references(self, p: int) -> Res:
        s = self.s
        if s.startswith("[", p):
            if s.find("](", p + 1) == -1:  # the title ends at `](`: without one, no link
                return None
            end = self.star_end(_TITLE_END, self._title_item, p + 1)
            if s.startswith("](", end):
                ref = self.markdown_link_ref(end + 2)
                if ref and s.startswith(")", ref[0]):
                    titles = self.collect(self._title_item, p + 1, end)
                    label = nodes.reduce_plain_texts(titles) if titles else None
                    return ref[0] + 1, nodes.link(ref[1], label)
            return None
        if s.startswith("<", p):
            ref = self._pipe_link_ref(p + 1)
            if ref and s.startswith("|", ref[0]):
                title = _PIPE_TITLE.match(s, ref[0] + 1)
                if title and s.startswith(">", title.end()):
                    return title.end() + 1, nodes.link(ref[1], [nodes.plain(title.group(0))])
        return None

    def image(self, p: int) -> Res:
        s = self.s
        if not s.startswith("![", p):
            return None
        title = _LINE.match(s, p + 2)
        q = title.end() if title else p + 2
        if not s.startswith("](", q):
            return None
        ref = self.markdown_link_ref(q + 2)
        if ref is None or not s.startswith(")", ref[0]):
            return None
        label = nodes.plain(title.group(0)) if title else None
        return ref[0] + 1, nodes.image(ref[1], label)

    # -- auto links ----------------------------------------------------------------------------------------

    def email(self, p: int) -> Res:
        s = self.s
        if not s.startswith("@", self.run_end(_EMAIL_AHEAD, p)):
            return None
        m = _EMAIL.match(s, p)
        if m is None:
            return None
        address = m.group(1)
        info = inspect_host(f"mailto:{address}", False, None)
        if info.is_icann or info.is_ip or info.is_private:
            return m.end(), nodes.link(f"mailto:{address}", [nodes.plain(address)])
        return m.end(), nodes.plain(address)

    def underscore_domain(self, p: int) -> Res:
        s = self.s
        if not s.startswith("_", p):
            return None
        m = DOMAIN.match(s, p + 1)
        if m is None or s.startswith("_", m.end()):
            return None
        return m.end(), nodes.plain("_" + m.group(0))

    def autolink(self, p: int) -> Res:
        s = self.s
        stop = self.run_end(_URL_AHEAD, p)
        if not (s.startswith(".", stop) or s.startswith("://", stop)):
            return None
        head = _URL_HEAD.match(s, p)
        if head is None:
            return None
        end = self._tail(head.end(), None)
        url = s[p:end]
        valid_hosts = ("localhost", *self.options.custom_domains)
        info = inspect_host(url, True, valid_hosts)
        if not (
            info.is_icann or info.is_ip or info.is_private or (info.domain and info.domain in valid_hosts)
        ):
            return end, nodes.plain(url)
        keep = can_parse_url(url) or url.startswith("//") or _URL_WITH_SCHEME.match(url)
        return end, nodes.link(url if keep else f"//{url}", [nodes.plain(url)])
