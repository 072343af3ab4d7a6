"""Who may do what: the roles file and the one role check (roles.py), and where the secrets are
(secrets.py). Imports nothing else of the board's."""
