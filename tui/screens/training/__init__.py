"""The training screens (`cancel-order train`): the scenario list, the brief, hints, the
desk's answers, Finish, and the result page. The app that shows them is
`tui.training_app.TrainingApp`; what they ask of it is `TrainingHost` (`host.py`)."""
