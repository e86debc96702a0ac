<?xml version="1.0" encoding="UTF-8"?>
<!-- Placeholder until render-hard's tk:safe-href lands: http(s) and mailto only, escaped; '' otherwise. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns/1.0"
    exclude-result-prefixes="#all">
  <xsl:function name="tk:safe-href" as="xs:string">
    <xsl:param name="uri" as="xs:string?"/>
    <xsl:variable name="u" select="normalize-space($uri)"/>
    <xsl:sequence select="if (matches($u, '^(https?|mailto):', 'i')) then escape-html-uri($u) else ''"/>
  </xsl:function>
</xsl:stylesheet>
