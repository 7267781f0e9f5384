"""Parks and zones: the gazetteer of named economic zones and the PARK recognizer.

`hzner.zones.gazetteer` holds the reference list of national zones (read from
``zone`` and ``alias`` rules), the press forms generated for each zone, and
the literal matching and disambiguation built on them.
"""
