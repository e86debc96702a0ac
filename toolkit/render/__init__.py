"""Render stage: TEI to HTML and plain-text editions and a corpus site (XSLT 3.0, saxonche).

    from teikit.render import default_renderer, render_paths, build_site
    html = default_renderer().html("tei/x.xml", tei_href="../tei/x.xml")
    report = render_paths(["tei/"], "dist/txt", "txt", abbr="keep")
    report = build_site(["tei/"], "dist/html")            # updates a site already there (render.site)

Names load from their submodule on first use (PEP 562), so importing the
package (as the `teikit` command does for its help) costs nothing until one is used.
"""

__all__ = [
    "ABBR_MODES", "FORMATS", "MANIFEST", "REGISTER_FILES", "Renderer",
    "SourceDocument", "build_site", "default_renderer", "render_paths", "site_size", "tei_href",
]


def __getattr__(name):
    """A public name, imported from its submodule when first asked for."""
    if name in ("FORMATS", "build_site", "render_paths", "tei_href"):
        from .batch import FORMATS, build_site, render_paths, tei_href
    elif name in ("ABBR_MODES", "REGISTER_FILES", "Renderer", "SourceDocument", "default_renderer"):
        from .renderer import ABBR_MODES, REGISTER_FILES, Renderer, SourceDocument, default_renderer
    elif name in ("MANIFEST", "site_size"):
        from .site import MANIFEST, site_size
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals().update({key: value for key, value in locals().items() if key != "name"})
    return globals()[name]
