"""The bundles' entry point: the same `facilitator` command the package installs."""

import sys

from facilitator.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
