"""The decision engine: whether to grab a release for a film, with every reason kept, and which first."""
