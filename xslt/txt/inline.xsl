<?xml version="1.0" encoding="UTF-8"?>
<!--
  Mode tk:txt-inline of the text edition: the reading text of a block. Text
  passes through; one branch per choice and app (common/reading.xsl); breaks
  are spaces unless the word goes on (@break="no"); a note leaves only its
  "[n]"; deletions and other unread markup are left out; a gap is "[…]".
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- Inline content: text passes through, expansions only when asked for. -->
  <xsl:mode name="tk:txt-inline" on-no-match="text-only-copy" on-multiple-match="fail"/>

  <!-- Whether the document has a break that joins words (most have none: the text nodes then need no look around). -->
  <xsl:variable name="tk:txt-joins" as="xs:boolean" select="exists(/TEI/text//(lb | pb | cb)[@break = 'no'])"/>

  <xsl:template match="text()[$tk:txt-joins][following-sibling::node()[1][self::lb or self::pb or self::cb][@break = 'no']]
                     | text()[$tk:txt-joins][preceding-sibling::node()[1][self::lb or self::pb or self::cb][@break = 'no']]"
                mode="tk:txt-inline" priority="1">
    <xsl:value-of select="tk:trim-at-breaks(.)"/>
  </xsl:template>

  <xsl:template match="lb | pb | cb" mode="tk:txt-inline">
    <xsl:if test="not(@break = 'no')"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- Parts of an address, entries' parts: a space between, as they are often written without one. -->
  <xsl:template match="addrLine | space | castItem/* | address/* | respStmt/*" mode="tk:txt-inline">
    <xsl:text> </xsl:text><xsl:apply-templates mode="tk:txt-inline"/><xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="note" mode="tk:txt-inline">
    <xsl:value-of select="'[' || tk:note-label(.) || ']'"/>
  </xsl:template>

  <xsl:template match="del | am[ancestor::expan] | index | interpGrp | interp | linkGrp | link | span | spanGrp | figDesc | graphic | binaryObject | fs | fLib" mode="tk:txt-inline" priority="3"/>

  <xsl:template match="gap" mode="tk:txt-inline">
    <xsl:text>[…]</xsl:text>
  </xsl:template>

  <xsl:template match="choice | app" mode="tk:txt-inline">
    <xsl:apply-templates select="tk:reading(.)/node()" mode="tk:txt-inline"/>
  </xsl:template>

  <xsl:template match="choice[abbr][expan][tk:reading(.) is abbr[1]]" mode="tk:txt-inline" priority="1">
    <xsl:choose>
      <xsl:when test="$abbr = 'expand' and not(tk:is-definition(.))">
        <xsl:value-of select="tk:normalize(string-join(expan))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="abbr/node()" mode="tk:txt-inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An abbreviation being defined: "(" before it, ")" after it in the running text. -->
  <xsl:function name="tk:is-definition" as="xs:boolean">
    <xsl:param name="choice" as="element()"/>
    <xsl:variable name="before" select="$choice/preceding::text()[not(ancestor::expan)][1]"/>
    <xsl:variable name="after" select="$choice/following::text()[not(ancestor::expan)][1]"/>
    <xsl:sequence select="ends-with($before, '(') and starts-with($after, ')')"/>
  </xsl:function>

</xsl:stylesheet>
