"""Where the taxonomy and the XBRL International base schemas are, on this machine, offline.

Our taxonomy is published under ``BASE_URL``; instances point at ``ENTRY_POINT_URL``. Those URLs
resolve to the files in ``schemas/taxonomy`` (``exporter/_schemas/taxonomy`` in an installed
wheel). The XBRL International schemas (XBRL 2.1, Dimensions, Inline XBRL 1.1, the DTR types) are
not ours: ``arelle-release`` ships them laid out by URL under ``arelle/resources/cache/http/``, and
``resolve_url`` maps ``http://www.xbrl.org/...`` and ``http://www.w3.org/...`` there. Nothing is
ever fetched: an unknown URL is an error, not a download.
"""
from __future__ import annotations

import functools
from pathlib import Path

VERSION = "2026-11-25"
PREFIX = "eqi"
NAMESPACE = f"http://disclosure-exporter.dev/taxonomy/eqi/{VERSION}"
BASE_URL = f"http://disclosure-exporter.dev/taxonomy/eqi/{VERSION}/"
ENTRY_FILE = f"eqi-{VERSION}.xsd"
ENTRY_POINT_URL = BASE_URL + ENTRY_FILE
PACKAGE_NAME = f"eqi-{VERSION}"

# The public hosts whose schemas arelle-release carries in its cache, by URL path.
_CACHED_HOSTS = ("www.xbrl.org", "xbrl.org", "www.w3.org")


class UnresolvableUrl(LookupError):
    """A schema URL that neither our taxonomy nor the bundled XBRL base schemas provide."""


@functools.cache
def schemas_root() -> Path:
    """The folder holding ``taxonomy/`` (and the inline schema helpers): installed or in the repo."""
    installed = Path(__file__).resolve().parents[1] / "_schemas"
    if installed.is_dir():
        return installed
    repo = Path(__file__).resolve().parents[2] / "schemas"
    if repo.is_dir():
        return repo
    raise FileNotFoundError("the taxonomy files are missing: neither exporter/_schemas nor schemas/ exists")


def taxonomy_dir() -> Path:
    return schemas_root() / "taxonomy"


def entry_point_path() -> Path:
    return taxonomy_dir() / ENTRY_FILE


@functools.cache
def arelle_cache_dir() -> Path:
    """arelle-release's bundled copy of public schemas, laid out as ``http/<host>/<path>``."""
    import arelle  # imported lazily: only the location is needed, not Arelle itself

    cache = Path(arelle.__file__).resolve().parent / "resources" / "cache"
    if not (cache / "http" / "www.xbrl.org").is_dir():
        raise FileNotFoundError(f"arelle-release is installed without its schema cache ({cache})")
    return cache


def resolve_url(url: str) -> Path:
    """Map a schema URL (ours or XBRL International's) to a local file, or raise UnresolvableUrl."""
    if url.startswith(BASE_URL):
        path = taxonomy_dir() / url[len(BASE_URL):]
    else:
        scheme, _, rest = url.partition("://")
        host = rest.split("/", 1)[0]
        if scheme not in ("http", "https") or host not in _CACHED_HOSTS:
            raise UnresolvableUrl(f"no offline copy of {url}")
        path = arelle_cache_dir() / "http" / rest
    if not path.is_file():
        raise UnresolvableUrl(f"no offline copy of {url} (looked for {path})")
    return path


def read_own_xml(path: Path):
    """Parse one of our shipped taxonomy or base-schema files, with the same refusals as anything else."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.parse(str(path), parser).getroot()


def uri_mapper(url: str) -> str:
    """xmlschema's ``uri_mapper`` hook: public URLs to local file URLs; anything else unchanged."""
    if url.startswith(("http://", "https://")):
        return resolve_url(url).as_uri()
    return url
