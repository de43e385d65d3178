"""Site-wide content that belongs to no one section; one module per kind of thing."""
