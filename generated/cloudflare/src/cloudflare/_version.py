__title__ = "cloudflare"
__version__ = "0.1.0"
