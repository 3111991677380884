"""Issue 7's benchmark: ``python -m benchmarks`` (see README, *Performance*).

Kept free of imports: the start-up child runs inside this package, so anything imported
here would be counted as the app's start-up time.
"""
