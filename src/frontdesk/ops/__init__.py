"""Running Frontdesk in production: Prometheus metrics, logging, readiness checks."""
