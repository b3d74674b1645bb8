"""`python -m reelarr` runs the command line."""

from reelarr.cli import main

main()
