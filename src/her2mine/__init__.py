"""her2mine: literature mining and evidence extraction for HER2-positive breast cancer."""

__version__ = "0.1.0"
