"""The provider framework every provider family shares (indexers now; download clients, notifications
and import lists next): settings models that are their own form, a registry of implementations by
Radarr's names, stored definitions with CRUD, test and action plumbing, and the status and back-off
of each provider."""
