<?xml version="1.0" encoding="UTF-8"?>
<!--
  What every HTML page of the edition shares: the document head with the
  inline style sheet (no network resources), and the site navigation.
  Imported by html/tei-to-html.xsl and site/corpus.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- The style sheet, inlined into every page. The Python renderer reads the
       file once and passes it in; run standalone, the stylesheet reads it itself.
       Scripts are never inline: a page includes the site's own (assets/*.js, written
       beside the pages by the renderer) by file, see tk:script. -->
  <xsl:param name="css" as="xs:string"
             select="unparsed-text(resolve-uri('assets/edition.css', static-base-uri()))"/>

  <!-- Every page's Content-Security-Policy: no inline script or event handler, no script
       but the site's own files, nothing fetched from elsewhere, no plug-ins, no <base>;
       forms (the search box) only to the site itself; images from the site or a data: URI (the
       page's icon, $tk:icon: no link a page makes from its TEI is ever a data: URI, tk:safe-href).
       The search page alone may also fetch the site's own files (Pagefind's index) and compile
       WebAssembly (Pagefind's engine). -->
  <xsl:variable name="tk:content-security-policy" as="xs:string"
      select="&quot;default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; &quot;
              || &quot;object-src 'none'; base-uri 'none'; form-action 'self'&quot;"/>
  <xsl:variable name="tk:search-security-policy" as="xs:string"
      select="&quot;default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; &quot;
              || &quot;style-src 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'&quot;"/>

  <!-- Every page's icon, in the page itself: without one a browser asks the server for
       /favicon.ico, which a site of teikit's has not (a 404, logged as an error on every page). -->
  <xsl:variable name="tk:icon" as="xs:string"
      select="'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 16 16%22%3E'
              || '%3Crect width=%2216%22 height=%2216%22 rx=%223%22 fill=%22%23335%22/%3E%3C/svg%3E'"/>

  <xsl:template name="tk:html-head">
    <xsl:param name="title" as="xs:string" required="yes"/>
    <xsl:param name="search" as="xs:boolean" select="false()"/>
    <head>
      <meta charset="utf-8"/>
      <meta http-equiv="Content-Security-Policy"
            content="{if ($search) then $tk:search-security-policy else $tk:content-security-policy}"/>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <meta name="generator" content="teikit"/>
      <title>{$title}</title>
      <link rel="icon" href="{$tk:icon}"/>
      <!-- Not escaped: pages written with the xhtml method (the article page) would
           otherwise escape "<", ">" and "&" in style and script contents, which HTML reads literally. -->
      <style><xsl:value-of select="$css" disable-output-escaping="yes"/></style>
      <!-- The search box of the navigation (tk:site-nav) leads to a page that needs scripts: without them it
           is not shown (after the style sheet, whose rule for it this one overrides). -->
      <noscript><style>.site-search {{ display: none; }}</style></noscript>
    </head>
  </xsl:template>

  <!-- Links to the corpus index and registers, relative to the page ('' leaves a link out);
       $current names the page itself: 'index', a register type, 'date' (the date register) or 'search'.
       With an index, a search box (to search.html beside it). -->
  <xsl:template name="tk:site-nav">
    <xsl:param name="index-href" as="xs:string" required="yes"/>
    <xsl:param name="registers-href" as="xs:string" required="yes"/>
    <xsl:param name="lang" as="xs:string" required="yes"/>
    <xsl:param name="current" as="xs:string" select="''"/>
    <xsl:if test="$index-href or $registers-href">
      <!-- the first thing a keyboard reaches: past the navigation to the page's main (shown when focused) -->
      <a class="skip-link" href="#main">
        <xsl:sequence select="tk:lang-attributes(tk:label-lang($lang), $lang)"/>
        <xsl:value-of select="tk:label('skip-to-content', $lang)"/>
      </a>
      <nav class="site-nav" aria-label="{tk:label('corpus', $lang)}">
        <!-- in the labels' language: English on an Arabic page, marked so (and laid out left to right) -->
        <xsl:sequence select="tk:lang-attributes(tk:label-lang($lang), $lang)"/>
        <ul>
          <xsl:if test="$index-href">
            <li><a href="{tk:path-href($index-href)}"><xsl:if test="$current = 'index'"><xsl:attribute
              name="aria-current" select="'page'"/></xsl:if>{tk:label('corpus', $lang)}</a></li>
          </xsl:if>
          <xsl:if test="$registers-href">
            <xsl:for-each select="$tk:register-types, 'date'">
              <li><a href="{tk:path-href($registers-href)}{if (. = 'date') then 'dates.html' else tk:register-file(.)}"><xsl:if test="$current = ."><xsl:attribute
                name="aria-current" select="'page'"/></xsl:if>{tk:label(., $lang)}</a></li>
            </xsl:for-each>
          </xsl:if>
        </ul>
        <xsl:if test="$index-href and $current != 'search'">
          <!-- The search box: a plain GET form to the site's search page (search.html, beside index.html). -->
          <form class="site-search" role="search" method="get"
                action="{tk:path-href(replace($index-href, 'index\.html$', 'search.html'))}">
            <label for="site-search-q">{tk:label('search', $lang)}</label>
            <input type="search" id="site-search-q" name="q" autocomplete="off"/>
            <button type="submit">{tk:label('search-go', $lang)}</button>
          </form>
        </xsl:if>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- One of the site's scripts, by file: $assets-href (a relative folder path, '' for
       none: the page then works without it) and the file name in assets/. -->
  <xsl:template name="tk:script">
    <xsl:param name="assets-href" as="xs:string" required="yes"/>
    <xsl:param name="file" as="xs:string" required="yes"/>
    <xsl:if test="$assets-href">
      <script src="{tk:path-href($assets-href || $file)}"></script>
    </xsl:if>
  </xsl:template>

  <xsl:template name="tk:footer">
    <xsl:param name="lang" as="xs:string" required="yes"/>
    <footer class="site-footer"><p>teikit · TEI P5</p></footer>
  </xsl:template>

</xsl:stylesheet>
