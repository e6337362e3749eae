import httpx

# Prefix of the telemetry headers, e.g. `X-Stainless-Lang: python`.
TELEMETRY_PREFIX = "X-Stainless"
# Prefix of the environment variables the runtime reads (`<prefix>_LOG`, ...).
ENV_PREFIX = "CLOUDFLARE"

RAW_RESPONSE_HEADER = f"{TELEMETRY_PREFIX}-Raw-Response"
RETRY_COUNT_HEADER = f"{TELEMETRY_PREFIX.lower()}-retry-count"
READ_TIMEOUT_HEADER = f"{TELEMETRY_PREFIX.lower()}-read-timeout"

# default timeout is 1 minute (5 seconds to connect)
DEFAULT_TIMEOUT = httpx.Timeout(timeout=60, connect=5.0)
DEFAULT_MAX_RETRIES = 2
DEFAULT_CONNECTION_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)

INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
