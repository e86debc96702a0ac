<?xml version="1.0" encoding="UTF-8"?>
<!--
  Registers a document keeps outside teikit's standOff (a listPerson, listPlace,
  listOrg … in its back matter, its text or its header): shown on the page,
  each entry with its xml:id, so that names pointing to it link within the page
  (links.xsl). Those in the header come after the text (tk:header-registers).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:template match="listPerson | listPlace | listOrg | listEvent | listBibl | listNym | listWit" mode="tk:html">
    <section class="tei-register {tk:classes(.)}"><xsl:apply-templates mode="tk:html"/></section>
  </xsl:template>

  <!-- An entry: its parts one after another, a space between (they are often written without one). -->
  <xsl:template match="(person | personGrp | place | org | event | nym | bibl | biblStruct | witness)[ancestor::listPerson or ancestor::listPlace or ancestor::listOrg or ancestor::listEvent or ancestor::listBibl or ancestor::listNym or ancestor::listWit][not(text()[normalize-space()])]" mode="tk:html">
    <div class="entry {tk:classes(.)}">
      <xsl:if test="@xml:id and $tk:page-anchors(@xml:id) is ."><xsl:attribute name="id" select="tk:anchor-id(@xml:id)"/></xsl:if>
      <xsl:for-each select="*">
        <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
        <xsl:apply-templates select="." mode="tk:html"/>
      </xsl:for-each>
    </div>
  </xsl:template>

  <!-- An entry with text of its own (a bibl). -->
  <xsl:template match="(person | personGrp | place | org | event | nym | bibl | biblStruct | witness)[ancestor::listPerson or ancestor::listPlace or ancestor::listOrg or ancestor::listEvent or ancestor::listBibl or ancestor::listNym or ancestor::listWit][text()[normalize-space()]]" mode="tk:html">
    <div class="entry {tk:classes(.)}">
      <xsl:if test="@xml:id and $tk:page-anchors(@xml:id) is ."><xsl:attribute name="id" select="tk:anchor-id(@xml:id)"/></xsl:if>
      <xsl:apply-templates mode="tk:html"/>
    </div>
  </xsl:template>

  <!-- An authority link an entry gives (idno, ptr or @sameAs / @ref URIs). -->
  <xsl:template match="idno[matches(normalize-space(.), '^https?://')]" mode="tk:html">
    <xsl:variable name="href" select="tk:safe-href(normalize-space(.))"/>
    <xsl:choose>
      <xsl:when test="$href and not(tk:in-link(.))"><a class="tei-idno" href="{$href}">{normalize-space(.)}</a></xsl:when>
      <xsl:otherwise><span class="tei-idno">{normalize-space(.)}</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The registers of the header, after the text. -->
  <xsl:template name="tk:header-registers">
    <xsl:variable name="lists" select="$tk:page/teiHeader//(listPerson | listPlace | listOrg | listEvent | listBibl | listNym)
        [not(ancestor::listPerson | ancestor::listPlace | ancestor::listOrg | ancestor::listEvent | ancestor::listBibl | ancestor::listNym)]"/>
    <xsl:if test="exists($lists)">
      <section class="registers" id="registers">
        <xsl:apply-templates select="$lists" mode="tk:html"/>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
