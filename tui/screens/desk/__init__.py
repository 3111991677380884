"""The support desk: an agent finds an order, sees it as the rules and the buyer do, and
replies (issue 18; docs/desk.md)."""
