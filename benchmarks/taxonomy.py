"""Benchmark: a large foreign taxonomy loaded from its files against loaded from the compiled cache.

Generates a made-up taxonomy of about 9 MB (a schema of 6,000 concepts with dimensions, label
linkbases in English and Japanese, presentation, calculation and definition linkbases) and an
instance that uses it, then measures, each in a fresh child process (median of ``--repeat``):

* from files: the DTS discovered, parsed, modelled and checked (``Taxonomies`` without a disk cache);
* from the cache: the same call with the compiled cache already filled (every file is still read
  and hashed, to prove it unchanged);
* Arelle: loading the same DTS (``arelle.api.Session``, offline, validation off), for scale.

The XML Schema set libxml2 compiles for validating an instance is not part of either figure (it is
built when an instance is validated, in both cases). Run from the repository root:

    .venv/bin/python benchmarks/taxonomy.py [--concepts 6000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from children import PEAK, measure, run_child

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OURS = PEAK + """
import sys, time
from pathlib import Path
from lxml import etree
started = time.perf_counter()
from exporter.taxonomy.dts.cache import DiskCache
from exporter.taxonomy.dts.urls import file_url
from exporter.validation.taxonomy import Taxonomies
instance = Path(sys.argv[1])
cache = DiskCache(Path(sys.argv[2])) if sys.argv[2] != "-" else None
tree = etree.parse(str(instance))
checked = Taxonomies(disk=cache).for_document(file_url(str(instance)), tree, [instance.parent], "auto")
assert not checked.messages, [m.as_text() for m in checked.messages][:3]
assert len(checked.model.concepts) > 1000
print(time.perf_counter() - started)
"""
ARELLE = PEAK + """
import sys, time, tempfile
from pathlib import Path
started = time.perf_counter()
from arelle.api.Session import Session
from arelle.RuntimeOptions import RuntimeOptions
with tempfile.TemporaryDirectory() as cache, Session() as session:
    session.run(RuntimeOptions(entrypointFile=sys.argv[1], internetConnectivity="offline",
                               disablePersistentConfig=True, cacheDirectory=cache, validate=False,
                               logLevel="error"))
print(time.perf_counter() - started)
"""


def write_taxonomy(folder: Path, concepts: int) -> Path:
    """The taxonomy's files and an instance in ``folder``; returns the instance."""
    ns = "http://example.com/bench/2026"
    types = ["xbrli:monetaryItemType", "xbrli:stringItemType", "xbrli:decimalItemType", "xbrli:sharesItemType"]
    elements, labels = [], {"en": [], "ja": []}
    for i in range(concepts):
        kind = types[i % 4]
        balance = ' xbrli:balance="credit"' if kind == "xbrli:monetaryItemType" else ""
        elements.append(f'<xs:element name="C{i}" id="b_C{i}" type="{kind}" substitutionGroup="xbrli:item" '
                        f'xbrli:periodType="duration" nillable="true"{balance}/>')
    elements.append('<xs:element name="Axis" id="b_Axis" type="xbrli:stringItemType" abstract="true" '
                    'substitutionGroup="xbrldt:dimensionItem" xbrli:periodType="duration"/>')
    elements.append('<xs:element name="Table" id="b_Table" type="xbrli:stringItemType" abstract="true" '
                    'substitutionGroup="xbrldt:hypercubeItem" xbrli:periodType="duration"/>')
    for m in range(200):
        elements.append(f'<xs:element name="M{m}" id="b_M{m}" type="xbrli:stringItemType" abstract="true" '
                        'substitutionGroup="xbrli:item" xbrli:periodType="duration"/>')
    refs = "".join(f'<link:linkbaseRef xlink:type="simple" xlink:href="bench_{n}.xml" '
                   'xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/>'
                   for n in ("lab-en", "lab-ja", "pre", "cal", "def"))
    (folder / "bench.xsd").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" '
        'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xbrldt="http://xbrl.org/2005/xbrldt" '
        f'targetNamespace="{ns}" elementFormDefault="qualified">\n<xs:annotation><xs:appinfo>{refs}'
        '</xs:appinfo></xs:annotation>\n'
        '<xs:import namespace="http://www.xbrl.org/2003/instance" '
        'schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>\n'
        '<xs:import namespace="http://xbrl.org/2005/xbrldt" schemaLocation="http://www.xbrl.org/2005/xbrldt-2005.xsd"/>\n'
        + "\n".join(elements) + "\n</xs:schema>\n", encoding="utf-8")

    def linkbase(name: str, body: list[str]) -> None:
        (folder / f"bench_{name}.xml").write_text(
            '<?xml version="1.0" encoding="utf-8"?>\n<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" '
            'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xbrldt="http://xbrl.org/2005/xbrldt">\n'
            + "\n".join(body) + "\n</link:linkbase>\n", encoding="utf-8")

    def loc(name: str) -> str:
        return f'<link:loc xlink:type="locator" xlink:href="bench.xsd#b_{name}" xlink:label="{name}"/>'

    for lang, words in (("en", ("Concept number", "Number")), ("ja", ("概念番号", "番号"))):
        body = ['<link:labelLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">']
        for i in range(concepts):
            body += [loc(f"C{i}"),
                     f'<link:label xlink:type="resource" xlink:label="L{i}" xlink:role="http://www.xbrl.org/2003/'
                     f'role/label" xml:lang="{lang}">{words[0]} {i}</link:label>',
                     f'<link:label xlink:type="resource" xlink:label="L{i}" xlink:role="http://www.xbrl.org/2003/'
                     f'role/terseLabel" xml:lang="{lang}">{words[1]} {i}</link:label>',
                     f'<link:labelArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/concept-label" '
                     f'xlink:from="C{i}" xlink:to="L{i}"/>']
        labels[lang] = body
        linkbase(f"lab-{lang}", [*body, "</link:labelLink>"])
    body = ['<link:presentationLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">']
    body += [loc(f"C{i}") for i in range(concepts)]
    body += [f'<link:presentationArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/parent-child" '
             f'xlink:from="C{(i - 1) // 10}" xlink:to="C{i}" order="{i}"/>' for i in range(1, concepts)]
    linkbase("pre", [*body, "</link:presentationLink>"])
    monetary = [i for i in range(concepts) if i % 4 == 0]
    body = ['<link:calculationLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">']
    body += [loc(f"C{i}") for i in monetary]
    body += [f'<link:calculationArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/summation-item" '
             f'xlink:from="C{monetary[(k - 1) // 5]}" xlink:to="C{monetary[k]}" weight="1" order="{k}"/>'
             for k in range(1, len(monetary))]
    linkbase("cal", [*body, "</link:calculationLink>"])
    dim = "http://xbrl.org/int/dim/arcrole/"
    body = [f'<link:arcroleRef xlink:type="simple" arcroleURI="{dim}{name}" '
            f'xlink:href="http://www.xbrl.org/2005/xbrldt-2005.xsd#{name}"/>'
            for name in ("all", "hypercube-dimension", "dimension-domain", "dimension-default", "domain-member")]
    body += ['<link:definitionLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">',
             loc("Table"), loc("Axis"), *[loc(f"M{m}") for m in range(200)], *[loc(f"C{i}") for i in range(0, 400)]]
    body += [f'<link:definitionArc xlink:type="arc" xlink:arcrole="{dim}all" xlink:from="C{i}" xlink:to="Table" '
             'xbrldt:contextElement="segment" xbrldt:closed="true"/>' for i in range(0, 400)]
    body += [f'<link:definitionArc xlink:type="arc" xlink:arcrole="{dim}hypercube-dimension" xlink:from="Table" '
             'xlink:to="Axis"/>',
             f'<link:definitionArc xlink:type="arc" xlink:arcrole="{dim}dimension-domain" xlink:from="Axis" xlink:to="M0"/>']
    body += [f'<link:definitionArc xlink:type="arc" xlink:arcrole="{dim}domain-member" xlink:from="M0" '
             f'xlink:to="M{m}"/>' for m in range(1, 200)]
    body += ["</link:definitionLink>",
             '<link:definitionLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">',
             loc("Axis"), loc("M0"),
             f'<link:definitionArc xlink:type="arc" xlink:arcrole="{dim}dimension-default" xlink:from="Axis" '
             'xlink:to="M0"/>']
    linkbase("def", [*body, "</link:definitionLink>"])
    instance = folder / "bench.xbrl"
    facts = "\n".join(f'<b:C{i} contextRef="c" unitRef="u" decimals="0">1</b:C{i}>' for i in range(2, concepts, 4))
    instance.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" '
        'xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'xmlns:b="{ns}">\n<link:schemaRef xlink:type="simple" xlink:href="bench.xsd"/>\n'
        '<xbrli:context id="c"><xbrli:entity><xbrli:identifier scheme="http://example.com">X</xbrli:identifier>'
        '</xbrli:entity><xbrli:period><xbrli:startDate>2025-01-01</xbrli:startDate><xbrli:endDate>2025-12-31'
        '</xbrli:endDate></xbrli:period></xbrli:context>\n<xbrli:unit id="u"><xbrli:measure>xbrli:pure'
        f'</xbrli:measure></xbrli:unit>\n{facts}\n</xbrli:xbrl>\n', encoding="utf-8")
    return instance


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--concepts", type=int, default=6000)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="taxonomy-bench-") as scratch:
        folder = Path(scratch) / "taxonomy"
        folder.mkdir()
        instance = write_taxonomy(folder, options.concepts)
        size = sum(p.stat().st_size for p in folder.iterdir() if p.name != "bench.xbrl") / 1e6
        cache = Path(scratch) / "cache"
        started = time.perf_counter()
        run_child(OURS, str(instance), str(cache))  # fills the cache
        fill = time.perf_counter() - started
        files, files_mb = measure(OURS, [str(instance), "-"], options.repeat)
        cached, cached_mb = measure(OURS, [str(instance), str(cache)], options.repeat)
        arelle, arelle_mb = measure(ARELLE, [str(instance)], options.repeat)
        print("| taxonomy | MB | from files | from the cache | files / cache | Arelle load | MB files | MB cache "
              "| MB Arelle |")
        print("|---|---|---|---|---|---|---|---|---|")
        print(f"| {options.concepts:,} concepts | {size:.1f} | {files:.2f} s | {cached:.2f} s | "
              f"{files / cached:.1f}x | {arelle:.2f} s | {files_mb:.0f} | {cached_mb:.0f} | {arelle_mb:.0f} |")
        print(f"\n(first run, filling the cache: {fill:.2f} s wall, interpreter included)")


if __name__ == "__main__":
    main()
