"""Mail delivery: transport, as realtime is; the domain only queues mail (services/mail.py)."""
