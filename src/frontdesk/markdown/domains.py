"""Host checks behind auto-links: a port of the parts of tldts (public suffixes, IPs) message-parser uses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from frontdesk.markdown import psl_data
from frontdesk.markdown.text import to_units

# A trie node is [flag, children]; flag 1 = ICANN rule, 2 = private rule, 0 = interior only.
_Trie = list[Any]


def _build(groups: tuple[tuple[str, int], ...]) -> _Trie:
    root: _Trie = [0, {}]
    for words, flag in groups:
        for suffix in words.split():
            node = root
            for label in reversed(to_units(suffix).split(".")):
                node = node[1].setdefault(label, [0, {}])
            node[0] = flag
    return root


_EXCEPTIONS = _build(((psl_data.EXCEPTIONS_ICANN, 1), (psl_data.EXCEPTIONS_PRIVATE, 2)))
_RULES = _build(((psl_data.RULES_ICANN, 1), (psl_data.RULES_PRIVATE, 2)))


@dataclass(frozen=True)
class HostInfo:
    is_icann: bool = False
    is_private: bool = False
    is_ip: bool = False
    domain: str | None = None


def _is_host_char(code: int) -> bool:
    return 97 <= code <= 122 or 48 <= code <= 57 or code > 127


def is_valid_hostname(host: str) -> bool:
    if not host or len(host) > 255:
        return False
    first = ord(host[0])
    if not _is_host_char(first) and host[0] not in "._":
        return False
    last_dot = -1
    prev = ""
    for i, ch in enumerate(host):
        if ch == ".":
            if i - last_dot > 64 or prev in (".", "-", "_"):
                return False
            last_dot = i
        elif not (_is_host_char(ord(ch)) or ch in "-_"):
            return False
        prev = ch
    return len(host) - last_dot - 1 <= 63 and prev != "-"


_SCHEME_CHARS = re.compile(r"[a-z0-9.+-]*")


def extract_hostname(url: str, is_hostname: bool) -> str | None:
    start, end, upper = 0, len(url), False
    if not is_hostname:
        if url.startswith("data:"):
            return None
        while start < len(url) and ord(url[start]) <= 32:
            start += 1
        while end > start + 1 and ord(url[end - 1]) <= 32:
            end -= 1
        if url.startswith("//", start):
            start += 2
        else:
            sep = url.find(":/", start)
            if sep != -1:
                scheme = url[start:sep]
                if scheme not in ("https", "http", "wss", "ws"):
                    lowered = "".join(chr(32 | ord(c)) for c in scheme)
                    if _SCHEME_CHARS.fullmatch(lowered) is None:
                        return None
                start = sep + 2
                while url.startswith("/", start):
                    start += 1
        at = bracket = colon = -1
        for i in range(start, end):
            ch = url[i]
            if ch in "#/?":
                end = i
                break
            if ch == "@":
                at = i
            elif ch == "]":
                bracket = i
            elif ch == ":":
                colon = i
            elif "A" <= ch <= "Z":
                upper = True
        if at != -1 and start < at < end:
            start = at + 1
        if url.startswith("[", start):
            return url[start + 1 : bracket].lower() if bracket != -1 else None
        if colon != -1 and start < colon < end:
            end = colon
    while end > start + 1 and url[end - 1] == ".":
        end -= 1
    host = url[start:end]
    return host.lower() if upper else host


def _is_ipv6(host: str) -> bool:
    if len(host) < 3:
        return False
    start = 1 if host.startswith("[") else 0
    end = len(host) - 1 if host.endswith("]") else len(host)
    if end - start > 39:
        return False
    colon = False
    for ch in host[start:end]:
        if ch == ":":
            colon = True
        elif not ("0" <= ch <= "9" or "a" <= ch <= "f" or "A" <= ch <= "Z"):
            return False
    return colon


def _is_ipv4(host: str) -> bool:
    if not 7 <= len(host) <= 15:
        return False
    dots = 0
    for ch in host:
        if ch == ".":
            dots += 1
        elif not "0" <= ch <= "9":
            return False
    return dots == 3 and host[0] != "." and host[-1] != "."


def _lookup(labels: list[str], trie: _Trie) -> tuple[int, int] | None:
    """Deepest matching rule as (index of its first label, flag)."""
    found = None
    node: _Trie | None = trie
    index = len(labels) - 1
    while node is not None:
        if node[0]:
            found = (index + 1, node[0])
        if index == -1:
            break
        children = node[1]
        node = children.get(labels[index], children.get("*"))
        index -= 1
    return found


def _public_suffix(host: str) -> tuple[str, int]:
    labels = host.split(".")
    hit = _lookup(labels, _EXCEPTIONS)
    if hit is not None:
        return ".".join(labels[hit[0] + 1 :]), hit[1]
    hit = _lookup(labels, _RULES)
    if hit is not None:
        return ".".join(labels[hit[0] :]), hit[1]
    return labels[-1], 0


def _domain(suffix: str, host: str, valid_hosts: tuple[str, ...] | None) -> str | None:
    for valid in valid_hosts or ():
        if host.endswith(valid) and (len(host) == len(valid) or host[len(host) - len(valid) - 1] == "."):
            return valid
    dots = len(host) - len(host.lstrip(".")) if host.startswith(".") else 0
    if len(suffix) == len(host) - dots:
        return None
    limit = len(host) - len(suffix) - 2
    cut = host.rfind(".", 0, max(limit, 0) + 1)
    return host if cut == -1 else host[cut + 1 :]


@lru_cache(maxsize=4096)
def inspect_host(url: str, detect_ip: bool, valid_hosts: tuple[str, ...] | None) -> HostInfo:
    """tldts.parse(url, {allowPrivateDomains: true, detectIp, validHosts}), reduced to what is read."""
    host = extract_hostname(url, is_valid_hostname(url))
    if host is None:
        return HostInfo()
    if detect_ip and (_is_ipv6(host) or _is_ipv4(host)):
        return HostInfo(is_ip=True)
    if not is_valid_hostname(host):
        return HostInfo()
    suffix, flag = _public_suffix(host)
    return HostInfo(is_icann=flag == 1, is_private=flag == 2, domain=_domain(suffix, host, valid_hosts))


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_SPECIAL = {"http", "https", "ws", "wss", "ftp", "file"}
_C0_OR_SPACE = "".join(chr(c) for c in range(0x21))
_FORBIDDEN_HOST = set("\x00\t\n\r #/:<>?@[\\]^|")


def can_parse_url(url: str) -> bool:
    """WHATWG `URL.canParse` for the strings an auto-link can produce (scheme-less text never parses)."""
    text = url.strip(_C0_OR_SPACE).replace("\t", "").replace("\n", "").replace("\r", "")
    match = _SCHEME.match(text)
    if match is None:
        return False
    rest = text[match.end() :]
    if not rest.startswith("//"):
        return True
    authority = re.split(
        r"[/?#\\]" if match.group(0).lower()[:-1] in _SPECIAL else r"[/?#]", rest[2:], maxsplit=1
    )[0]
    host_port = authority.rsplit("@", 1)[-1]
    host, _, port = host_port.partition(":") if not host_port.startswith("[") else (host_port, "", "")
    if port and (not port.isascii() or not port.isdigit() or int(port) > 65535):
        return False
    if any(ch in _FORBIDDEN_HOST for ch in host):
        return False
    return not (match.group(0).lower()[:-1] in _SPECIAL and not host)
