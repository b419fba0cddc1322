"""An article's URL in one spelling per page, and the outlet it names.

``canonical_url`` lowercases scheme and host, drops credentials, default ports, the fragment and
tracking parameters (``utm_*``, ``fbclid`` ...: how a reader arrived, not which page it is) and
sorts the rest of the query; ``outlet_from_url`` is the registered domain under the Public
Suffix List bundled with tldextract (never fetched), none for IP addresses and local names.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import unquote_plus, urlsplit

import tldextract


# Query parameters that say how a reader arrived, not which page it is. Matched on the
# decoded, lowercased name; anything else is kept, as it may select the article.
TRACKING_PREFIXES = ("utm_",)
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "igshid",
    "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "ref", "ref_src", "ref_url",
    "cmpid", "cmp", "ocid", "icid", "smid", "smtyp", "xtor", "s_cid", "wt.mc_id", "__twitter_impression",
    "at_medium", "at_campaign", "at_custom1", "at_custom2", "at_custom3", "at_custom4", "at_format",
    "at_link_id", "at_link_origin", "at_link_type", "at_ptr_name", "at_bbc_team",
    "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee",
    "guccounter", "guce_referrer", "guce_referrer_sig",
})
_DEFAULT_PORTS = {"http": 80, "https": 443}
_HOST = re.compile(r"[\w-]+(?:\.[\w-]+)*")   # letters (IDN too), digits, "-" and "_" in labels
# The Public Suffix List snapshot bundled with tldextract, never fetched (no network at run
# time). Private suffixes count, so each blog on blogspot.com or site on github.io is its own
# outlet rather than all of them one.
_DOMAINS = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)


def canonical_url(url: str) -> str | None:
    """One spelling per page: None unless `url` is an http(s) URL with a valid host (so None
    for anything that is not a string, too).

    Lowercases scheme and host (a trailing dot dropped), drops credentials, default ports,
    the fragment and `TRACKING_PARAMS`, and sorts the remaining query parameters by name
    (repeated names keep their order; the raw encoding is kept). "www." is kept: it is part
    of the address that works, and `outlet_from_url` gives the same outlet either way. An
    empty path becomes "/". Whitespace or a backslash inside the URL makes it invalid (browsers
    read "\\" as "/", urlsplit does not, so the two would disagree on the host).
    """
    text = url.strip() if isinstance(url, str) else ""
    if not text or "\\" in text or any(char.isspace() or not char.isprintable() for char in text):
        return None
    try:
        parts = urlsplit(text)
        port, host = parts.port, parts.hostname
    except ValueError:   # a port out of range or not a number, a broken IPv6 literal
        return None
    scheme, host = parts.scheme.lower(), (host or "").rstrip(".")
    if scheme not in _DEFAULT_PORTS or not host:
        return None
    if ":" in host:
        if not _is_ip(host):
            return None
        host = f"[{host}]"
    elif not _HOST.fullmatch(host):
        return None
    netloc = host if port is None or port == _DEFAULT_PORTS[scheme] else f"{host}:{port}"
    pairs = [pair for pair in parts.query.split("&") if pair and not _is_tracking(pair.partition("=")[0])]
    query = "&".join(sorted(pairs, key=lambda pair: pair.partition("=")[0]))
    return f"{scheme}://{netloc}{parts.path or '/'}" + (f"?{query}" if query else "")


def _is_tracking(raw_name: str) -> bool:
    name = unquote_plus(raw_name).lower()
    return name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES)


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def outlet_from_url(url: str) -> str | None:
    """The registered domain of a URL ("https://news.bbc.co.uk/x" -> "bbc.co.uk").

    None for an invalid URL and for hosts that belong to no outlet: IP addresses, single
    labels like "localhost", and names under no public suffix ("intranet.local").
    """
    canonical = canonical_url(url)
    host = urlsplit(canonical).hostname if canonical else None
    if not host or _is_ip(host):
        return None
    return _DOMAINS(host).top_domain_under_public_suffix or None


def outlet_id(value: str) -> str | None:
    """The registered domain when `value` is a URL or a host name ("www.bbc.co.uk"), else None."""
    value = value.strip()
    if not value or any(char.isspace() for char in value):
        return None
    return outlet_from_url(value if "://" in value else f"http://{value}")
