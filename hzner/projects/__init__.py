"""PROJECT: named investment and construction projects, and what the text says of them.

`hzner.projects.tagger.find_projects` finds the projects of a normalized
text, given the MONEY and PARK entities already found in it, and links each
project to its status, its own investment and the park where it is located
(SPEC.md, PROJECT). The word lists are rules in ``hzner/data/projects``.
"""
