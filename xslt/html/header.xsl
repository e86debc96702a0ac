<?xml version="1.0" encoding="UTF-8"?>
<!--
  Mode tk:meta, beyond teikit's own header (article.xsl): what else a TEI header
  says that a reader wants beside the text. A letter's correspDesc (who sent it
  from where and when, to whom), a manuscript's msDesc (where it is kept, what
  it holds, where and when it was made, what it is like), the editors.
  Rows of the page's dl.meta; names with an authority URI link out.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:template match="titleStmt/editor" mode="tk:meta">
    <dt>{tk:label('editor', tk:text-lang(.))}</dt>
    <dd class="editor">{tk:plain(.)}</dd>
  </xsl:template>

  <!-- One row per action: sent, received, forwarded … -->
  <xsl:template match="correspAction" mode="tk:meta">
    <xsl:variable name="lang" select="tk:text-lang(.)"/>
    <dt>{tk:label('corresp-' || (@type, 'sent')[1], $lang)}</dt>
    <dd class="corresp corresp-{(@type, 'sent')[1]}">
      <xsl:for-each select="*">
        <xsl:if test="position() gt 1">, </xsl:if>
        <xsl:apply-templates select="." mode="tk:meta-part"/>
      </xsl:for-each>
    </dd>
  </xsl:template>

  <xsl:mode name="tk:meta-part" on-no-match="fail" on-multiple-match="fail"/>

  <xsl:template match="*" mode="tk:meta-part">
    <xsl:variable name="href" select="if (@ref) then tk:uri-href(@ref, .) else ''"/>
    <xsl:choose>
      <xsl:when test="$href"><a class="meta-{local-name()}" href="{$href}">{tk:normalize(.)}</a></xsl:when>
      <xsl:otherwise><span class="meta-{local-name()}">{tk:normalize(.)}</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="date" mode="tk:meta-part" priority="1">
    <xsl:variable name="label" select="tk:date-label(., tk:text-lang(.))"/>
    <xsl:variable name="printed" select="tk:normalize(.)"/>
    <xsl:variable name="datetime" select="tk:datetime(.)"/>
    <xsl:element name="{if (exists($datetime)) then 'time' else 'span'}">
      <xsl:if test="exists($datetime)"><xsl:attribute name="datetime" select="$datetime"/></xsl:if>
      <xsl:value-of select="($printed[.], $label)[1]"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="note" mode="tk:meta-part" priority="1">
    <span class="meta-note">({tk:normalize(.)})</span>
  </xsl:template>

  <!-- A manuscript: where it is, what it holds, its origin and its physical form. -->
  <xsl:template match="msDesc" mode="tk:meta">
    <xsl:variable name="lang" select="tk:text-lang(.)"/>
    <xsl:for-each select="tk:ms-parts(.)">
      <dt>{tk:label(?1, $lang)}</dt>
      <dd class="ms-{?2}">{?3}</dd>
    </xsl:for-each>
  </xsl:template>


</xsl:stylesheet>
