"""The package version, in one place (imported by the package, the CLI and the provenance records)."""

__version__ = "0.2.0.dev0"
