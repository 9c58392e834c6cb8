"""Quality and conflict rules: one module per rule, listed explicitly in registry.py, run by runner.py."""
