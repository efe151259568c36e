"""``python -m exporter.cli``: the same command line as the ``disclosure-exporter`` script."""
from exporter.cli import main

main()
