"""Downloads: grabbing chosen releases, tracking them in their clients, the queue."""
