"""Processing algorithms: one module per algorithm, with the shared bases."""
