"""The cancel-order simulator.

Importing the package sets Textual's frame rate before Textual is loaded (it reads
``TEXTUAL_FPS`` once, on import); a value already in the environment is kept. Textual draws
a changed screen on its next frame slot and draws nothing while nothing changes, so the
rate only bounds how long a change waits to be drawn: up to 17 ms at the default 60 a
second, for each round of a key press's work (a page pushed, then its parts mounted).
At 240 a second that wait is at most ~4 ms.

It also skips pydantic's search for plugins, the same way (its documented switch): the first
model built would look through every installed package's entry points (~4 ms of start-up)
for plugins this app does not use.
"""

import os

FRAMES_PER_SECOND = 240

os.environ.setdefault("TEXTUAL_FPS", str(FRAMES_PER_SECOND))
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
