<?xml version="1.0" encoding="UTF-8"?>
<!--
  The article's own index: every person, organisation and place of its
  register (standOff), then its dates and roles, each with the number of
  mentions and a link back to every mention in the text.

  The mentions are grouped once (one xsl:for-each-group over all names) rather
  than looked up per entry; a name's n-th mention has the id "<register id>-m<n>"
  (see tk:mention-id), so the links need no look-up either.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tk="https://teikit.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- $mentions: every name, role and date in the text, in document order;
       $entries: the register entries (standOff), $entry-names: id -> canonical name. -->
  <xsl:template name="tk:entity-index">
    <xsl:param name="lang" as="xs:string" required="yes"/>
    <xsl:param name="mentions" as="element()*" required="yes"/>
    <xsl:param name="entries" as="element()*" required="yes"/>
    <xsl:param name="entry-names" as="map(xs:string, xs:string)" required="yes"/>
    <xsl:variable name="dates" select="$mentions[self::date]"/>
    <xsl:variable name="roles" select="$mentions[self::roleName]"/>
    <xsl:if test="exists($entries) or exists($dates) or exists($roles)">
      <!-- register id -> its mentions, in document order. -->
      <xsl:variable name="by-ref" as="map(xs:string, element()+)">
        <xsl:map>
          <xsl:for-each-group select="$mentions[@ref][self::persName or self::orgName or self::placeName]"
                              group-by="tk:ref-id(.)">
            <xsl:map-entry key="current-grouping-key()" select="current-group()"/>
          </xsl:for-each-group>
        </xsl:map>
      </xsl:variable>
      <section class="entities" id="entities" aria-labelledby="entities-heading">
        <h2 id="entities-heading">{tk:label('entities', $lang)}</h2>
        <xsl:for-each select="$tk:register-types">
          <xsl:variable name="type" select="."/>
          <xsl:variable name="of-type" select="$entries[$tk:types(local-name()) = $type][map:contains($by-ref, @xml:id)]"/>
          <xsl:if test="exists($of-type)">
            <h3 class="idx-{$type}">{tk:label($type, $lang)}</h3>
            <ul class="entity-list">
              <xsl:for-each select="$of-type">
                <xsl:variable name="id" select="string(@xml:id)"/>
                <xsl:call-template name="tk:index-item">
                  <xsl:with-param name="label" select="$entry-names($id)"/>
                  <xsl:with-param name="href" select="if ($registers-href)
                      then $registers-href || $tk:register-files($type) || '#' || $id else ''"/>
                  <xsl:with-param name="mentions" select="$by-ref($id)"/>
                  <xsl:with-param name="ids" select="(1 to count($by-ref($id))) ! ($id || '-m' || .)"/>
                  <xsl:with-param name="lang" select="$lang"/>
                </xsl:call-template>
              </xsl:for-each>
            </ul>
          </xsl:if>
        </xsl:for-each>
        <xsl:for-each select="'date', 'role'">
          <xsl:variable name="type" select="."/>
          <xsl:variable name="of-type" select="if ($type = 'date') then $dates else $roles"/>
          <xsl:if test="exists($of-type)">
            <h3 class="idx-{$type}">{tk:label($type, $lang)}</h3>
            <ul class="entity-list">
              <!-- Dates grouped by what they mean, roles by what they say. A
                   date or role's id is "<type>-<n>", n its place among all of its type. -->
              <xsl:for-each-group select="$of-type"
                  group-by="if ($type = 'date') then (tk:date-label(., $lang)[.], tk:plain(.))[1] else tk:plain(.)">
                <xsl:call-template name="tk:index-item">
                  <xsl:with-param name="label" select="current-grouping-key()"/>
                  <xsl:with-param name="href" select="''"/>
                  <xsl:with-param name="mentions" select="current-group()"/>
                  <xsl:with-param name="ids" select="current-group() ! ($type || '-' || accumulator-before('tk:type-n')($type))"/>
                  <xsl:with-param name="lang" select="$lang"/>
                </xsl:call-template>
              </xsl:for-each-group>
            </ul>
          </xsl:if>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- One index entry: its label, the number of mentions, and a numbered link
       to each mention ($ids: the mentions' ids, in the same order). -->
  <xsl:template name="tk:index-item">
    <xsl:param name="label" as="xs:string" required="yes"/>
    <xsl:param name="href" as="xs:string" required="yes"/>
    <xsl:param name="mentions" as="element()*" required="yes"/>
    <xsl:param name="ids" as="xs:string*" required="yes"/>
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
          <xsl:variable name="n" select="position()"/>
          <xsl:if test="$n gt 1"><xsl:text> </xsl:text></xsl:if>
          <a href="#{$ids[$n]}" title="{tk:plain(.)}">{$n}</a>
        </xsl:for-each>
      </span>
    </li>
  </xsl:template>

</xsl:stylesheet>
