<?xml version="1.0" encoding="UTF-8"?>
<!--
  teikit text edition: one UTF-8 plain-text file per TEI article.

  Title line, date line, author line, then every block of the article (lead,
  paragraphs, captions as "[Ảnh: …]", byline, credit) separated by blank lines,
  and a final newline. Inline elements only pass their text through, so no
  space is ever added or lost around a name.

  $abbr = 'keep'   prints abbreviations as written (MTTQVN);
          'expand' prints the expansion in their place (Mặt trận Tổ quốc Việt Nam),
                   except where the abbreviation stands in parentheses right
                   after the words it abbreviates, where it is being defined:
                   "Công an nhân dân (CAND)" stays as written.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>

  <xsl:param name="abbr" as="xs:string" select="'keep'"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:mode on-no-match="shallow-skip"/>
  <!-- Blocks: each returns one string. -->
  <xsl:mode name="tk:txt-block" on-no-match="shallow-skip"/>
  <!-- Inline content: text passes through, expansions only when asked for. -->
  <xsl:mode name="tk:txt-inline" on-no-match="text-only-copy"/>

  <xsl:template match="/TEI">
    <xsl:if test="not($abbr = ('keep', 'expand'))">
      <xsl:message terminate="yes" error-code="tk:param">abbr must be 'keep' or 'expand', not '{$abbr}'</xsl:message>
    </xsl:if>
    <xsl:variable name="lang" select="tk:lang(.)"/>
    <xsl:variable name="article" select="text/body/div[@type = 'article'][1]"/>
    <xsl:variable name="date" select="tk:article-date(.)"/>
    <xsl:variable name="authors" select="teiHeader/fileDesc/titleStmt/author"/>
    <xsl:variable name="header" as="xs:string*">
      <xsl:sequence select="if ($article/head) then tk:txt($article/head[1])
                            else tk:plain(teiHeader/fileDesc/titleStmt/title[1])"/>
      <xsl:if test="$date">
        <xsl:sequence select="tk:label('date-line', $lang) || ': '
                              || (tk:date-label($date, $lang)[.], tk:normalize($date))[1]"/>
      </xsl:if>
      <xsl:if test="$authors">
        <xsl:sequence select="tk:label('author', $lang) || ': ' || tk:authors(.)"/>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="blocks" as="xs:string*">
      <xsl:apply-templates select="text/body/*" mode="tk:txt-block"/>
    </xsl:variable>
    <xsl:value-of select="string-join($header, '&#10;') || '&#10;&#10;'
                          || string-join($blocks[.], '&#10;&#10;') || '&#10;'"/>
  </xsl:template>

  <!-- The reading text of a block, with abbreviations per $abbr. -->
  <xsl:function name="tk:txt" as="xs:string">
    <xsl:param name="block" as="element()"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$block/node()" mode="tk:txt-inline"/>
    </xsl:variable>
    <xsl:sequence select="tk:normalize(string-join($parts))"/>
  </xsl:function>

  <xsl:template match="div" mode="tk:txt-block">
    <xsl:apply-templates select="*" mode="tk:txt-block"/>
  </xsl:template>

  <!-- The article's head is the title line. -->
  <xsl:template match="div[@type = 'article']/head[1]" mode="tk:txt-block" priority="1"/>

  <xsl:template match="div/head | p | byline | trailer" mode="tk:txt-block" as="xs:string">
    <xsl:sequence select="tk:txt(.)"/>
  </xsl:template>

  <xsl:template match="figure" mode="tk:txt-block" as="xs:string*">
    <xsl:for-each select="head">
      <xsl:sequence select="'[' || tk:label('photo', tk:lang(.)) || ': ' || tk:txt(.) || ']'"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="expan" mode="tk:txt-inline"/>

  <xsl:template match="choice[abbr][expan]" mode="tk:txt-inline">
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
