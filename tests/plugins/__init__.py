"""Plugins loaded by test servers through REELARR_PLUGINS, the same way operators load theirs."""
