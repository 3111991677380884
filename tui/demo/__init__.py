"""`cancel-order demo`: the source article's steps played by themselves on the real screens.

`options` reads the command line, `script` lists the steps (the screenshot steps, plus the
trainer's after the request), `captions` says each step in the chosen language, `keys` tells
the presenter's keys from the scripted ones, `player` drives the app through Textual's
`Pilot`, `app` is the app with the presenter's keys in front, and `command` runs it all on a
temporary copy of the demo data.
"""
