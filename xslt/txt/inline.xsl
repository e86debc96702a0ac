<?xml version="1.0" encoding="UTF-8"?>
<!--
  Mode tk:txt-inline of the text edition: the reading text of a block. Text
  passes through; one branch per choice and app (common/reading.xsl); breaks
  are spaces unless the word goes on (@break="no", or a line-end hyphen ¬ before
  it: tk:break-joins, which also drops the hyphen); a note leaves only its
  "[n]" (a speaker note heads its utterance); deletions and other unread markup
  are left out; a gap is "[…]", vocal, incident, kinesic their "[desc]". Expanded
  abbreviations take their point with them and a capital where a sentence or a name starts.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- Inline content: text passes through, expansions only when asked for. -->
  <xsl:mode name="tk:txt-inline" on-no-match="text-only-copy" on-multiple-match="fail"/>

  <!-- Whether the document has a break that joins words (common/reading.xsl, tk:break-joins; most have
       none: the text nodes then need no look around). -->
  <xsl:variable name="tk:txt-joins" as="xs:boolean" select="exists(/TEI ! tk:text-of(.)//(lb | pb | cb)[tk:break-joins(.)])"/>

  <xsl:template match="text()[$tk:txt-joins][following-sibling::node()[1][self::lb or self::pb or self::cb][tk:break-joins(.)]]
                     | text()[$tk:txt-joins][preceding-sibling::node()[1][self::lb or self::pb or self::cb][tk:break-joins(.)]]"
                mode="tk:txt-inline" priority="1">
    <xsl:value-of select="tk:trim-at-breaks(.)"/>
  </xsl:template>

  <!-- Marked white space, a caesura: a space (common/reading.xsl). -->
  <xsl:template _match="{$tk:spacers}" mode="tk:txt-inline">
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="lb | pb | cb" mode="tk:txt-inline">
    <xsl:if test="not(tk:break-joins(.))"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- Parts of an address, entries' parts: a space before each but the first (common/reading.xsl). -->
  <xsl:template _match="{$tk:spaced-parts}" mode="tk:txt-inline" priority="2">
    <xsl:if test="preceding-sibling::node()"><xsl:text> </xsl:text></xsl:if>
    <xsl:next-match/>  <!-- the part as its own template reads it: a choice one branch, a gap "[…]" -->
  </xsl:template>

  <!-- A part written right after another, or a token after a token, a space after it (common/reading.xsl,
       tk:abuts, tk:after-token). -->
  <xsl:template _match="{$tk:abutting}" mode="tk:txt-inline" priority="2.5">
    <xsl:text> </xsl:text>
    <xsl:next-match/>
  </xsl:template>

  <xsl:template match="note" mode="tk:txt-inline">
    <xsl:value-of select="'[' || tk:note-label(.) || ']'"/>
  </xsl:template>

  <!-- Not read (common/reading.xsl), but for the markers of its notes (tk:notes-in). -->
  <xsl:template _match="{$tk:unread}" mode="tk:txt-inline" priority="3">
    <xsl:apply-templates select="tk:notes-in(node())" mode="tk:txt-inline"/>
  </xsl:template>

  <!-- A pointer: what it points at, readably (common/reading.xsl). -->
  <xsl:template match="ptr" mode="tk:txt-inline">
    <xsl:value-of select="tk:pointer-label(.)"/>
  </xsl:template>

  <!-- An empty g: the character its charDecl maps it to (common/reading.xsl). -->
  <xsl:template match="g[not(node())]" mode="tk:txt-inline">
    <xsl:value-of select="tk:glyph(.)"/>
  </xsl:template>

  <!-- A gap "[…]" (or its desc in brackets), an event of a speech its desc, spaced (common/reading.xsl). -->
  <xsl:template match="gap" mode="tk:txt-inline">
    <xsl:value-of select="tk:description(.)"/>
  </xsl:template>

  <xsl:template _match="{$tk:events}" mode="tk:txt-inline">
    <xsl:value-of select="' ' || tk:description(.) || ' '"/>
  </xsl:template>

  <!-- A speaker note: no note; the utterance after it prints it (blocks.xsl), else it is read where it stands. -->
  <xsl:template match="note[@type = 'speaker']" mode="tk:txt-inline" priority="1">
    <xsl:if test="not(tk:heads-utterance(.))"><xsl:value-of select="' ' || tk:txt(.) || ' '"/></xsl:if>
  </xsl:template>

  <xsl:template match="choice | app" mode="tk:txt-inline">
    <xsl:apply-templates select="tk:reading(.)/node(), tk:unread-notes(.)" mode="tk:txt-inline"/>
  </xsl:template>

  <xsl:template match="choice[abbr][expan][tk:reading(.) is abbr[1]]" mode="tk:txt-inline" priority="1">
    <xsl:choose>
      <xsl:when test="$abbr = 'expand' and not(tk:is-definition(.))">
        <xsl:variable name="expansion" select="tk:normalize(string-join(expan))"/>
        <xsl:value-of select="if (tk:starts-sentence(.) or tk:heads-name(.))
                              then upper-case(substring($expansion, 1, 1)) || substring($expansion, 2)
                              else $expansion"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="abbr/node()" mode="tk:txt-inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Expanding, the abbreviation's point goes with it: "TP. Hà Nội" reads "Thành phố Hà Nội".
       A point is the abbreviation's (not a full stop) when it follows the abbreviation directly
       and only spaces part it from a name or a further abbreviation ("GS. TS. Nguyễn Văn A"). -->
  <xsl:template match="text()[$abbr = 'expand'][starts-with(., '.')][tk:abbr-before(.) ! tk:has-point(.)]"
                mode="tk:txt-inline" priority="2">
    <!-- "TP.Hà Nội", written without a space: the point becomes one. -->
    <xsl:value-of select="(substring(., 2)[.], ' ')[1]"/>
  </xsl:template>

  <!-- The abbreviation right before a text node: its preceding sibling, or the last node of it
       (an abbreviation may close a name or a title: <roleName><choice>GS</choice></roleName>.). -->
  <xsl:function name="tk:abbr-before" as="element()?">
    <xsl:param name="text" as="text()"/>
    <xsl:variable name="prev" select="$text/preceding-sibling::node()[1]"/>
    <xsl:sequence select="($prev[self::choice], $prev[self::*][not(self::choice)]/node()[last()][self::choice])[1]"/>
  </xsl:function>

  <!-- The node after an abbreviation, past the element it closes. -->
  <xsl:function name="tk:after-abbr" as="node()?">
    <xsl:param name="choice" as="element()"/>
    <xsl:sequence select="if ($choice/following-sibling::node() or tk:is-block-element($choice/..))
                          then $choice/following-sibling::node()[1]
                          else $choice/../following-sibling::node()[1]"/>
  </xsl:function>

  <xsl:function name="tk:has-point" as="xs:boolean">
    <xsl:param name="choice" as="element()"/>
    <xsl:variable name="next" select="tk:after-abbr($choice)"/>
    <xsl:sequence select="$choice/abbr and $choice/expan and not(ends-with(normalize-space(string-join($choice/abbr)), '.'))
                          and not(tk:is-definition($choice))
                          and $next instance of text() and matches($next, '^\.\s*$')
                          and exists($next/following-sibling::node()[1][self::persName or self::placeName or self::orgName
                                                                        or self::name or self::rs or self::choice[abbr]])"/>
  </xsl:function>

  <!-- An expansion is capitalised where a sentence starts (the block's start, or after . ! ? …)
       and where it is the head of the place's or organisation's name that follows it
       ("TP. Hà Nội": "Thành phố Hà Nội", as the register writes "Thành phố Hồ Chí Minh"). -->
  <xsl:function name="tk:starts-sentence" as="xs:boolean">
    <xsl:param name="choice" as="element()"/>
    <xsl:variable name="block" select="$choice/ancestor::*[tk:is-block-element(.)][1]"/>
    <xsl:variable name="before" select="$choice/preceding::text()[not(ancestor::expan or ancestor::note)][normalize-space()][1]"/>
    <xsl:sequence select="empty($before) or not($before >> $block)
                          or (matches($before, '[.!?…][&quot;”’»)\]]*\s*$')
                              and not(matches($before, '^\.\s*$') and (tk:abbr-before($before) ! tk:has-point(.)) = true()))"/>
  </xsl:function>

  <xsl:function name="tk:heads-name" as="xs:boolean">
    <xsl:param name="choice" as="element()"/>
    <xsl:variable name="next" select="$choice/following-sibling::node()[1]"/>
    <xsl:sequence select="($next instance of text() and matches($next, '^\.?\s*$')
                           and exists($next/following-sibling::node()[1][self::placeName or self::orgName]))
                          or ($choice/parent::placeName or $choice/parent::orgName)
                             and empty($choice/preceding-sibling::node()[normalize-space()])"/>
  </xsl:function>

  <!-- An abbreviation being defined: "(" before it, ")" after it in the running text. -->
  <xsl:function name="tk:is-definition" as="xs:boolean">
    <xsl:param name="choice" as="element()"/>
    <xsl:variable name="before" select="$choice/preceding::text()[not(ancestor::expan)][1]"/>
    <xsl:variable name="after" select="$choice/following::text()[not(ancestor::expan)][1]"/>
    <xsl:sequence select="ends-with($before, '(') and starts-with($after, ')')"/>
  </xsl:function>

</xsl:stylesheet>
