"""The gate's command line: `PYTHONPATH=scripts python3 -m gatekit MODE` (scripts/gate runs it)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import ROOT, __doc__ as package_doc, layout, printouts
from .check import command_check
from .selftest import command_self_test


def main() -> int:
    parser = argparse.ArgumentParser(prog="python3 -m gatekit", description=package_doc,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    modes = parser.add_subparsers(dest="mode", required=True)
    for mode in ("check", "self-test"):
        sub = modes.add_parser(mode)
        sub.add_argument("--site", default=str(ROOT / "output"))
        sub.add_argument("--print-dir", default=str(ROOT / "artifacts" / "print"))
        sub.add_argument("--artifacts", default=str(ROOT / "artifacts"))
    build = modes.add_parser("printouts", help="print the gate's sample printouts as HTML into FOLDER")
    build.add_argument("folder")
    layout.add_arguments(modes.add_parser("layout", help="the print-layout check (scripts/print-layout.py)"))
    args = parser.parse_args()
    if args.mode == "check":
        return command_check(args)
    if args.mode == "self-test":
        return command_self_test(args)
    if args.mode == "printouts":
        printouts.build(Path(args.folder))
        return 0
    return layout.command(args)


if __name__ == "__main__":
    sys.exit(main())
