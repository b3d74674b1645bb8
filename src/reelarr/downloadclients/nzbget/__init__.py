"""NZBGet through its JSON-RPC API (`/jsonrpc`, basic auth)."""
