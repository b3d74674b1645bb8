"""Commands on a durable queue, their executor, and scheduled tasks."""
