"""``python -m mappa`` runs the ``mappa`` command."""

from __future__ import annotations

import sys

from mappa.cli import main

if __name__ == "__main__":
    sys.exit(main())
