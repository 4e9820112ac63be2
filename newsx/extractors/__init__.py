"""Built-in extractors, one module per (block, input format).

Each module exposes an :class:`~newsx.extractors.base.Extractor` value named
``EXTRACTOR``; ``pyproject.toml`` registers them in the ``newsx.extractors``
entry-point group, exactly as an outside package registers its own.
"""
