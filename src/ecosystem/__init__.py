"""ecosystem: map and analyse a regional Leven Lang Ontwikkelen (LLO) ecosystem."""
__version__ = "0.1.0"
