"""Render stage: TEI to HTML and plain-text editions and a corpus site (XSLT 3.0, saxonche).

    from teikit.render import default_renderer, render_paths, build_site
    html = default_renderer().html("tei/x.xml", tei_href="../tei/x.xml")
    report = render_paths(["tei/"], "dist/txt", "txt", abbr="keep")
    report = build_site(["tei/"], "dist/html")            # updates a site already there (render.site)
"""

from .batch import FORMATS, build_site, render_paths, tei_href
from .renderer import ABBR_MODES, REGISTER_FILES, Renderer, SourceDocument, default_renderer
from .site import MANIFEST, site_size

__all__ = [
    "ABBR_MODES", "FORMATS", "MANIFEST", "REGISTER_FILES", "Renderer",
    "SourceDocument", "build_site", "default_renderer", "render_paths", "site_size", "tei_href",
]
