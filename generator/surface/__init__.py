"""The SDK surface model (what a Python user of the SDK sees) and the diff of two surfaces."""

from __future__ import annotations

from .build import SurfaceOnDemand, build_surface
from .model import Surface

__all__ = ["Surface", "SurfaceOnDemand", "build_surface"]
