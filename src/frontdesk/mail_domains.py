"""Whether a mail domain can receive mail (Livechat_validate_offline_email): one MX lookup with dnspython,
bounded in time. The resolvers are the system's, or DNS_NAMESERVERS (`host[:port]`, comma-separated)."""

from __future__ import annotations

import logging

import dns.asyncresolver
import dns.exception
import dns.resolver

log = logging.getLogger("frontdesk.mail")

TIMEOUT_SECONDS = 3.0


class MailDomains:
    def __init__(self, nameservers: str | None = None) -> None:
        self.nameservers = nameservers

    def _resolver(self) -> dns.asyncresolver.Resolver:
        if not self.nameservers:
            resolver = dns.asyncresolver.Resolver()
        else:
            resolver = dns.asyncresolver.Resolver(configure=False)
            servers = [s.strip() for s in self.nameservers.split(",") if s.strip()]
            resolver.nameservers = [s.rsplit(":", 1)[0] if s.count(":") == 1 else s for s in servers]
            ports = {int(s.rsplit(":", 1)[1]) for s in servers if s.count(":") == 1}
            if ports:
                resolver.port = ports.pop()
        resolver.lifetime = TIMEOUT_SECONDS
        return resolver

    async def accepts_mail(self, domain: str) -> bool | None:
        """True when the domain has mail exchangers, False when DNS says it has none (or does not exist),
        None when DNS could not be asked (no resolver, a timeout): the caller decides then."""
        try:
            answer = await self._resolver().resolve(domain, "MX")
        except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
            return False
        except (dns.exception.DNSException, OSError) as exc:
            log.warning("could not look up the mail exchangers of %s: %s", domain, exc)
            return None
        return len(answer) > 0
