"""``python -m newsx`` runs the command line."""

from newsx.cli import main

if __name__ == "__main__":
    main()
