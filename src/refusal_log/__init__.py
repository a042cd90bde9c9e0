"""refusal-log: an offline evidence log for families of children who cannot get to school.

Nothing heavy is imported here: `refusal-log --help` and `check` must start fast.
"""

__version__ = "0.1.0"
