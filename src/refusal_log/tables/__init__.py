"""The tables of each kind of entry, and the rarer tables, one module each.

Built on first use through refusal_log.models (see its docstring): a command pays
for the tables it writes to, not for all of them.
"""
