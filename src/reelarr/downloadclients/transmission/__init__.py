"""Transmission through its JSON-RPC protocol, spoken directly over HTTP."""
