"""Package layout for setuptools (everything else is in pyproject.toml).

The project brief fixes the top-level folders: the Python code in toolkit/,
the stylesheets in xslt/, the schema in schema/. The installed distribution is
one import package, `teikit`, with the stylesheets and the schema inside it as
package data (teikit.xslt, teikit.schema), found at run time through
importlib.resources (teikit.resources). Nothing is installed as `toolkit`.
"""

from setuptools import find_packages, setup

CODE = "toolkit"
NAME = "teikit"
DATA_PACKAGES = {f"{NAME}.xslt": "xslt", f"{NAME}.schema": "schema"}

code_packages = [NAME + found[len(CODE):] for found in find_packages(include=[CODE, f"{CODE}.*"])]

setup(
    packages=code_packages + list(DATA_PACKAGES),
    package_dir={NAME: CODE, **DATA_PACKAGES},
    package_data={
        NAME: ["data/**/*"],
        f"{NAME}.xslt": ["**/*.xsl", "**/*.css", "**/*.js"],
        f"{NAME}.schema": ["*.odd", "*.rng", "*.sch", "README.md"],
    },
    include_package_data=False,
)
