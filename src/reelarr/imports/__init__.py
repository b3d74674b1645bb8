"""Importing finished downloads into the library: decisions, the transfer and its journal."""
