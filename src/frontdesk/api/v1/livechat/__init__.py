"""livechat package."""
