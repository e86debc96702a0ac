<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared by every teikit output (HTML, plain text, corpus site).
  Entry stylesheets xsl:import this module, so anything here can be overridden
  by a template or function of higher import precedence in the importing file.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:include href="keys.xsl"/>
  <xsl:include href="functions.xsl"/>
  <xsl:include href="dates.xsl"/>
  <xsl:include href="labels.xsl"/>
  <xsl:include href="reading.xsl"/>
  <xsl:include href="urls.xsl"/>

</xsl:stylesheet>
