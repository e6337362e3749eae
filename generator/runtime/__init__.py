"""The runtime every generated SDK carries: plain Python, copied byte for byte into each SDK.

Only `_settings.py` differs between SDKs (sdkgen writes it from the spec); the copy here is the
one the runtime's own type-check and tests use. This file is not copied.
"""
