"""``python -m watchwords``: the command line (see ``watchwords.cli``)."""

from .cli import main

raise SystemExit(main())
