"""Run the ecosystem CLI from a checkout: ``python cli.py analyse brabant/``."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from ecosystem.cli import main  # noqa: E402

if __name__ == "__main__":
    main()
