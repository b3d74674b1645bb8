"""Alembic environment: Reelarr hands over an open connection; migrations never build their own."""

from __future__ import annotations

from alembic import context

from reelarr.db.all_tables import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through reelarr.db.migrate (reelarr migrate), not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
