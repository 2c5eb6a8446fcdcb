"""A DNS server in the test process: MX answers for the domains it is told, NXDOMAIN for any other."""

from __future__ import annotations

import asyncio
from typing import Any

import dns.flags
import dns.message
import dns.rcode
import dns.rdatatype
import dns.rrset

# The mail domains tests use; any other name does not exist.
MAIL_DOMAINS = {"example.com", "example.org", "example.net", "x.io", "frontdesk.test", "shop.example"}


class _Protocol(asyncio.DatagramProtocol):
    def __init__(self, mail_domains: set[str]) -> None:
        self.mail_domains = mail_domains
        self.transport: asyncio.DatagramTransport | None = None

    def connection_made(self, transport: Any) -> None:
        self.transport = transport

    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
        query = dns.message.from_wire(data)
        response = dns.message.make_response(query)
        question = query.question[0]
        name = question.name.to_text().rstrip(".").lower()
        if name in self.mail_domains and question.rdtype == dns.rdatatype.MX:
            response.answer.append(dns.rrset.from_text(question.name, 60, "IN", "MX", f"10 mx.{name}."))
        else:
            response.set_rcode(dns.rcode.NXDOMAIN)
        assert self.transport is not None
        self.transport.sendto(response.to_wire(), addr)


async def start_dns(mail_domains: set[str]) -> tuple[asyncio.DatagramTransport, str]:
    """The server's transport (close it when done) and its `host:port` for DNS_NAMESERVERS."""
    loop = asyncio.get_running_loop()
    transport, _ = await loop.create_datagram_endpoint(
        lambda: _Protocol(mail_domains), local_addr=("127.0.0.1", 0)
    )
    host, port = transport.get_extra_info("sockname")[:2]
    return transport, f"{host}:{port}"
