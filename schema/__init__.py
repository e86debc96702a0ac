"""The TEI customisation (ODD, RELAX NG, Schematron), installed as package data of teikit (teikit.schema).

No Python here: this file only makes the folder a package, so that
importlib.resources finds the schema wherever teikit is installed
(see teikit.resources).
"""
