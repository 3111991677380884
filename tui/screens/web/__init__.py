"""The website flow (the source article's Option 1): My orders, More, the reason dialog."""
