"""Print the requirements of one of pyproject.toml's extras, less the package's own extras.

`make install-dev` installs the test tools this way beside an installed planparse, without
building planparse again (its compiled modules take a minute to build).
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path


def main(extra: str) -> int:
    project = tomllib.loads(Path("pyproject.toml").read_text(encoding="utf-8"))["project"]
    own = re.compile(rf"{re.escape(project['name'])}\s*\[")
    print(" ".join(req for req in project["optional-dependencies"][extra] if not own.match(req)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
