"""Imported once by the server process that a parallel build's workers fork from.

Loading hazm's models, the gazetteer regexes and the lexicons takes several
seconds; done here, before the fork, every worker starts warm and shares the
loaded tables with its siblings (see ``builder.build._Pool``).
"""
from .build import warm_up

warm_up()
