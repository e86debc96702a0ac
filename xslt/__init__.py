"""The XSLT 3.0 stylesheets, installed as package data of teikit (teikit.xslt).

No Python here: this file only makes the folder a package, so that
importlib.resources finds the stylesheets wherever teikit is installed
(see teikit.resources).
"""
