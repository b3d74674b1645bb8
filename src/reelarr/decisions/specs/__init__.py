"""Each check is a pure function of a Subject returning a Rejection or None."""
