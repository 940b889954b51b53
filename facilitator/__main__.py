import sys

from facilitator.cli.main import main

sys.exit(main())
