#!/usr/bin/env python3
"""The print-layout check, scripts/gatekit/layout.py (run by scripts/gate; `--help` for more):

    python3 scripts/print-layout.py check PDF [--large-print]
    python3 scripts/print-layout.py examples [--record] [--out FOLDER]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gatekit import layout  # noqa: E402

if __name__ == "__main__":
    sys.exit(layout.main())
