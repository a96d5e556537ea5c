"""reflectiejournaal: an encrypted reflection journal for supervisie, intervisie and werkbegeleiding."""

__version__ = "0.1.0"
