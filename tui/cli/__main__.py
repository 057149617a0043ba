"""``python -m tui.cli``: the ``factdesk`` command, for environments without its script."""

from __future__ import annotations

import sys

from tui.cli import main

sys.exit(main())
