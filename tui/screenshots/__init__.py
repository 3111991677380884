"""`cancel-order screenshots`: a picture of every step of both flows, and the illustrated guide.

The pictures are taken from the running program (headless, on a fresh copy of the demo
data), never drawn by hand, so the trainers' handout cannot drift from what the app shows.
"""
