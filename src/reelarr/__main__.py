"""`python -m reelarr` runs the command line."""

import sys

from reelarr.cli import main

sys.exit(main())
