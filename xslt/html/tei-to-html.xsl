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
  <xsl:include href="article.xsl"/>
  <xsl:include href="inline.xsl"/>
  <xsl:include href="entities.xsl"/>

  <!-- Relative link to the TEI master of this page; '' leaves the link out. -->
  <xsl:param name="tei-href" as="xs:string" select="''"/>
  <!-- Relative path from the page to the register pages; '' leaves names unlinked. -->
  <xsl:param name="registers-href" as="xs:string" select="'registers/'"/>
  <!-- Relative link to the corpus index; '' leaves it out. -->
  <xsl:param name="index-href" as="xs:string" select="'index.html'"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
              include-content-type="no"/>

  <!-- The unnamed mode only picks up the document; everything else has its own mode. -->
  <xsl:mode on-no-match="shallow-skip"/>

</xsl:stylesheet>
