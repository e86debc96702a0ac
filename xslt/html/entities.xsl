<?xml version="1.0" encoding="UTF-8"?>
<!--
  The article's own index: every person, organisation and place of its
  register (standOff), then its dates and roles, each with the number of
  mentions and a link back to every mention in the text.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:template name="tk:entity-index">
    <xsl:param name="lang" as="xs:string" required="yes"/>
    <xsl:variable name="tei" select="/TEI"/>
    <xsl:variable name="entries" select="$tei/standOff//(person | org | place)[@xml:id]"/>
    <xsl:variable name="others" select="tk:of-type($tei, 'date'), tk:of-type($tei, 'role')"/>
    <xsl:if test="exists($entries) or exists($others)">
      <section class="entities" id="entities" aria-labelledby="entities-heading">
        <h2 id="entities-heading">{tk:label('entities', $lang)}</h2>
        <xsl:for-each select="$tk:register-types">
          <xsl:variable name="type" select="."/>
          <xsl:variable name="of-type" select="$entries[tk:entity-type(.) = $type]
                                               [exists(tk:mentions($tei, @xml:id))]"/>
          <xsl:if test="exists($of-type)">
            <h3 class="idx-{$type}">{tk:label($type, $lang)}</h3>
            <ul class="entity-list">
              <xsl:for-each select="$of-type">
                <xsl:call-template name="tk:index-item">
                  <xsl:with-param name="label" select="tk:entry-name(.)"/>
                  <xsl:with-param name="href" select="if ($registers-href)
                      then $registers-href || tk:register-file($type) || '#' || @xml:id else ''"/>
                  <xsl:with-param name="mentions" select="tk:mentions($tei, @xml:id)"/>
                  <xsl:with-param name="lang" select="$lang"/>
                </xsl:call-template>
              </xsl:for-each>
            </ul>
          </xsl:if>
        </xsl:for-each>
        <xsl:for-each select="'date', 'role'">
          <xsl:variable name="type" select="."/>
          <xsl:variable name="of-type" select="tk:of-type($tei, $type)"/>
          <xsl:if test="exists($of-type)">
            <h3 class="idx-{$type}">{tk:label($type, $lang)}</h3>
            <ul class="entity-list">
              <!-- Dates grouped by what they mean, roles by what they say. -->
              <xsl:for-each-group select="$of-type"
                  group-by="if ($type = 'date') then (tk:date-label(., $lang)[.], tk:plain(.))[1] else tk:plain(.)">
                <xsl:call-template name="tk:index-item">
                  <xsl:with-param name="label" select="current-grouping-key()"/>
                  <xsl:with-param name="href" select="''"/>
                  <xsl:with-param name="mentions" select="current-group()"/>
                  <xsl:with-param name="lang" select="$lang"/>
                </xsl:call-template>
              </xsl:for-each-group>
            </ul>
          </xsl:if>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="tk:index-item">
    <xsl:param name="label" as="xs:string" required="yes"/>
    <xsl:param name="href" as="xs:string" required="yes"/>
    <xsl:param name="mentions" as="element()*" required="yes"/>
    <xsl:param name="lang" as="xs:string" required="yes"/>
    <li>
      <xsl:choose>
        <xsl:when test="$href"><a class="entry-name" href="{$href}">{$label}</a></xsl:when>
        <xsl:otherwise><span class="entry-name">{$label}</span></xsl:otherwise>
      </xsl:choose>
      <xsl:text> </xsl:text>
      <span class="count">({count($mentions)} {tk:label('mentions', $lang)})</span>
      <xsl:text> </xsl:text>
      <span class="mention-links">
        <xsl:for-each select="$mentions">
          <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
          <a href="#{tk:mention-id(.)}" title="{tk:plain(.)}">{position()}</a>
        </xsl:for-each>
      </span>
    </li>
  </xsl:template>

</xsl:stylesheet>
