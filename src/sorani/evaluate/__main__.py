import sys

from ..cli import main

sys.exit(main(["evaluate", *sys.argv[1:]]))
