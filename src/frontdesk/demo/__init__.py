"""Realistic demo data: agents, a manager, departments, tags, visitors and rooms with their messages."""

from frontdesk.demo.loader import load_demo

__all__ = ["load_demo"]
