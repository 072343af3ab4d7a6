import sys

from empathy.cli import main

sys.exit(main())
