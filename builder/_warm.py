"""Imported once by the server process that a parallel build's workers fork from.

Loading hazm's models, the gazetteer regexes and the lexicons takes several
seconds.  Done here, in the fork server (see ``builder.runners.Pool``), it is
paid once per build instead of once per worker, and the workers share the
loaded tables with the server copy-on-write.
"""
from .runners import warm_up

warm_up()
