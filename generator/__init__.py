"""sdkgen: turn an OpenAPI document into a Python SDK."""

__version__ = "0.1.0"
