"""Getting a network in: a template to start from (init), a survey round (survey), the arbeidsmarktregio list."""
