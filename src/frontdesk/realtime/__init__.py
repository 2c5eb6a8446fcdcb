"""Realtime delivery: events written by services, published after commit, streamed over DDP."""
