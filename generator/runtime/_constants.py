import httpx

from ._settings import ENV_PREFIX as ENV_PREFIX, TELEMETRY_PREFIX as TELEMETRY_PREFIX

RAW_RESPONSE_HEADER = f"{TELEMETRY_PREFIX}-Raw-Response"
RETRY_COUNT_HEADER = f"{TELEMETRY_PREFIX.lower()}-retry-count"
READ_TIMEOUT_HEADER = f"{TELEMETRY_PREFIX.lower()}-read-timeout"

# default timeout is 1 minute (5 seconds to connect)
DEFAULT_TIMEOUT = httpx.Timeout(timeout=60, connect=5.0)
DEFAULT_MAX_RETRIES = 2
DEFAULT_CONNECTION_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)

INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
