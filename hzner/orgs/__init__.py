"""ORG: the enterprises and research institutions named as actors, and each project's company.

`hzner.orgs.recognizer.find_orgs_located` finds the ORGs of a normalized
text from the evidence it gives (legal forms, group words, short forms the
document introduced, brands that invest); `hzner.orgs.company.link_companies`
then drops the ORGs inside a PROJECT or a PARK name, links each project to
its company (SPEC.md, PROJECT ``company``) and finds the brands that project
names introduced (泽璟制药 after 泽璟新药生产基地建设项目). The word lists are
rules in ``hzner/data/orgs``.
"""
