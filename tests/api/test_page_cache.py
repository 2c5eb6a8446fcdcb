"""PageCache: bodies kept for one generation of the change signal, bounded in count and bytes."""

from __future__ import annotations

from frontdesk.api.page_cache import PageCache, key
from signals import Signal


def test_a_body_is_served_until_the_generation_moves() -> None:
    signal = Signal()
    cache = PageCache(signal)
    k = key("u1", "token", b"open=true")
    assert cache.get(k) is None
    cache.put(k, b"page", cache.generation())
    assert cache.get(k) == b"page"
    signal.value += 1
    assert cache.get(k) is None
    assert len(cache) == 0


def test_a_body_computed_while_something_was_committed_is_not_kept() -> None:
    signal = Signal()
    cache = PageCache(signal)
    k = key("u1", "token", b"")
    generation = cache.generation()
    signal.value += 1  # a commit while the page was being read
    cache.put(k, b"maybe stale", generation)
    assert cache.get(k) is None


def test_the_key_tells_callers_and_queries_apart_and_hides_the_token() -> None:
    cache = PageCache(Signal())
    cache.put(key("u1", "token-a", b"q"), b"a", 0)
    assert cache.get(key("u1", "token-b", b"q")) is None
    assert cache.get(key("u2", "token-a", b"q")) is None
    assert cache.get(key("u1", "token-a", b"q2")) is None
    assert cache.get(key("u1", "token-a", b"q")) == b"a"
    assert b"token-a" not in repr(key("u1", "token-a", b"q")).encode()


def test_least_recently_used_bodies_go_first_within_the_bounds() -> None:
    cache = PageCache(Signal(), max_entries=2, max_bytes=800)
    a, b, c = (key("u", "t", q) for q in (b"a", b"b", b"c"))
    cache.put(a, b"1" * 10, 0)
    cache.put(b, b"2" * 10, 0)
    assert cache.get(a) is not None  # a is now the most recent
    cache.put(c, b"3" * 10, 0)
    assert cache.get(b) is None and cache.get(a) is not None and cache.get(c) is not None
    cache.put(a, b"4" * 101, 0)  # bodies over an eighth of the budget are not kept
    assert cache.get(a) == b"1" * 10
    big = PageCache(Signal(), max_entries=100, max_bytes=800)
    for n in range(10):
        big.put(key("u", "t", str(n).encode()), b"x" * 100, 0)
    assert len(big) == 8
