"""Frontdesk: a self-hosted livechat server speaking Rocket.Chat's Livechat API."""

__version__ = "0.1.0"
