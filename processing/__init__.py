"""Processing provider and algorithms: every capability of the plugin is an algorithm first."""
