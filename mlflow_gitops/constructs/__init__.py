"""One construct a concern. Each option of the overlay model maps to one class here."""
