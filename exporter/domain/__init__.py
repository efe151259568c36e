"""The domain, declared once: what equity-issuance notices say, and how it is named and checked.

A foundation below the models. Everything the product knows about the domain is stated here as
data, and every other stage derives from it:

* ``text``: bilingual labels and the one test for Japanese script;
* ``legal``: the Companies Act articles concepts rest on (taxonomy references);
* ``kinds``: instruments, issuance kinds, share-issuance methods, notice types;
* ``categories``: the standard recipient categories (taxonomy members, spreadsheet words);
* ``values``: the kinds of value a concept holds (XBRL type, unit, decimals);
* ``concepts``: every concept with its labels, references and value type, grouped in sections;
* ``rules``: the arithmetic and the order of dates that stated values must obey.

The models attach concepts to their fields; the fact builder, the taxonomy generator, the notice
generator, spreadsheet headers and the validator's business rules all read these tables.
"""
