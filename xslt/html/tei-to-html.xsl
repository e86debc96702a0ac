<?xml version="1.0" encoding="UTF-8"?>
<!--
  teikit HTML edition: one HTML5 page per TEI article.
  Customise by importing this stylesheet and overriding templates.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="chrome.xsl"/>
  <xsl:include href="page.xsl"/>
  <xsl:include href="article.xsl"/>
  <xsl:include href="inline.xsl"/>
  <xsl:include href="entities.xsl"/>
  <xsl:include href="blocks.xsl"/>
  <xsl:include href="transcription.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="links.xsl"/>
  <xsl:include href="registers.xsl"/>
  <xsl:include href="header.xsl"/>

  <!-- Relative link to the TEI master of this page; '' leaves the link out. -->
  <xsl:param name="tei-href" as="xs:string" select="''"/>
  <!-- Relative path from the page to the register pages; '' leaves names unlinked. -->
  <xsl:param name="registers-href" as="xs:string" select="'registers/'"/>
  <!-- Relative link to the corpus index; '' leaves it out. -->
  <xsl:param name="index-href" as="xs:string" select="'index.html'"/>
  <!-- Relative folder of the site's scripts (assets/highlight.js); '' for none. -->
  <xsl:param name="assets-href" as="xs:string" select="'assets/'"/>

  <!-- XHTML syntax of HTML5: a browser reads it as the same page, and Saxon writes it
       markedly faster than the html method. Void elements come out as <meta … />,
       others never self-close. URI attributes are escaped by the stylesheet
       (escape-html-uri, once per value where it can be) rather than by the
       serializer, which would check every attribute of every element. The style
       sheet is written with disable-output-escaping (chrome.xsl); scripts are files. -->
  <xsl:output method="xhtml" html-version="5" encoding="UTF-8" indent="no"
              omit-xml-declaration="yes" include-content-type="no" escape-uri-attributes="no"/>

  <!-- $registers-href as it goes into href attributes. -->
  <xsl:variable name="tk:registers-uri" as="xs:string" select="tk:path-href($registers-href)"/>

  <!-- The unnamed mode only picks up the document; everything else has its own mode. -->
  <xsl:mode on-no-match="shallow-skip" on-multiple-match="fail"/>

</xsl:stylesheet>
