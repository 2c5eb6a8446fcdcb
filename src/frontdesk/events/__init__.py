"""Domain events: one small class per thing that happened, queued on the transaction that did it (outbox)
and handed after its commit to every subscriber registered on the bus (the DDP streams are one)."""
