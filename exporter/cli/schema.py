"""``disclosure-exporter schema``: the JSON Schema of the input format, for editors."""

from __future__ import annotations

import json

import click


@click.command()
def schema() -> None:
    """Print the JSON Schema of filing documents (YAML or JSON), generated from the models.

    Point an editor at it (for example with a ``# yaml-language-server: $schema=...`` line) to have
    input checked as it is typed. Fields say which concept they are tagged as.

    \\b
    Examples:
      disclosure-exporter schema > filing.schema.json
    """
    from exporter.models import Filing

    document = Filing.model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["title"] = "disclosure-exporter filing"
    click.echo(json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True))
