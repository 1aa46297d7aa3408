import sys

from budgetkg.cli import main

sys.exit(main())
