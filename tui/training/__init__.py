"""Training support staff: scenarios, their grading, training runs and the class report.

Like `tui.domain`, nothing here imports Textual or Rich: screens call these functions. The
modules that read or write files are `loader`, `runs`, `results`, `session` and
`report_command`; the rest are pure (`tests/test_architecture.py` holds both lines).
"""
