<?xml version="1.0" encoding="UTF-8"?>
<!--
  Mode tk:txt-block of the text edition: each block returns its strings (the
  entry stylesheet joins them with blank lines). Any element holding blocks is
  split into them (runs of inline content between them are blocks too), any
  other element is one block of its reading text: no element falls to nothing.
  Verse is one line per l (a stanza, or a run of lines outside one: in a quote,
  a sp …), a list one line per item, a table one line per row,
  a register one line per entry, an utterance its speaker's line, then its words.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:mode name="tk:txt-block" on-no-match="shallow-skip" on-multiple-match="fail"/>

  <xsl:template match="*" mode="tk:txt-block" priority="-10" as="xs:string*">
    <xsl:sequence select="if (tk:has-block(.)) then tk:txt-blocks(.) else tk:txt(.)"/>
  </xsl:template>

  <!-- The blocks of an element holding some: each block's strings, each run of inline content
       between them as one, and each run of verse lines outside a stanza (l in a quote, a sp, a p,
       with nothing but white space between them) as one, a line per l, as a stanza is. -->
  <xsl:function name="tk:txt-blocks" as="xs:string*">
    <xsl:param name="element" as="element()"/>
    <xsl:for-each-group select="$element/node()" group-adjacent="if (tk:in-verse-run(.)) then 'verse' else string(tk:is-block(.))">
      <xsl:choose>
        <xsl:when test="current-grouping-key() eq 'verse'">
          <xsl:sequence select="tk:txt-lines(current-group()[self::l])"/>
        </xsl:when>
        <xsl:when test="current-grouping-key() eq 'true'">
          <xsl:apply-templates select="current-group()" mode="tk:txt-block"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="tk:txt-nodes(current-group())"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each-group>
  </xsl:function>

  <!-- The reading text of what the edition prints as one line (a note, a list item, a table cell):
       blocks inside it (paragraphs of a note, verse in a cell) a space apart, never glued. -->
  <xsl:function name="tk:txt-line" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="if (tk:has-block($element)) then tk:normalize(string-join(tk:txt-blocks($element)[.], ' '))
                          else tk:txt($element)"/>
  </xsl:function>

  <!-- Set apart elsewhere (notes at the end) or not read at all. -->
  <xsl:template match="note" mode="tk:txt-block" priority="3"/>
  <xsl:template _match="{$tk:unread}" mode="tk:txt-block" priority="3" as="xs:string?">
    <xsl:sequence select="string-join(tk:notes-in(node()) ! ('[' || tk:note-label(.) || ']'), ' ')[.]"/>
  </xsl:template>

  <!-- An utterance: its speaker (common/reading.xsl: the speaker note before it, else its @who's
       person) on the first line, its words on the next, one block. -->
  <xsl:template match="u" mode="tk:txt-block" as="xs:string">
    <xsl:sequence select="string-join(((tk:speaker-note(.) ! tk:txt(.), tk:speaker-name(.))[.][1], tk:txt-line(.)[.]), '&#10;')"/>
  </xsl:template>

  <!-- The article's head is the title line. -->
  <xsl:template match="div[@type = 'article']/head[1]" mode="tk:txt-block" priority="1"/>

  <xsl:template match="figure" mode="tk:txt-block" as="xs:string*">
    <xsl:for-each select="head">  <!-- "[Photo: …]", unless the caption says so itself (tk:photo-label) -->
      <xsl:sequence select="'[' || string-join((tk:photo-label(.), tk:txt(.)), ': ') || ']'"/>
    </xsl:for-each>
    <xsl:apply-templates select="* except head" mode="tk:txt-block"/>
  </xsl:template>

  <!-- A stanza: one line per verse line (a group of stanzas falls to the fallback: one block each);
       a zone of a transcribed surface (sourceDoc) likewise, one line per line. -->
  <xsl:template match="lg[not(lg)] | zone[line][not(zone)]" mode="tk:txt-block" as="xs:string">
    <xsl:sequence select="tk:txt-lines(* except note)"/>
  </xsl:template>

  <!-- Lines (of a stanza, a zone, a run of verse lines): one a line, but what is not read. -->
  <xsl:function name="tk:txt-lines" as="xs:string">
    <xsl:param name="lines" as="element()*"/>
    <xsl:sequence select="string-join($lines[not(tk:is-hidden(.))] ! tk:txt(.)[.], '&#10;')"/>
  </xsl:function>

  <!-- Whether a node is part of a run of verse lines outside a stanza (tk:txt-blocks): an l, or the
       white space between two. -->
  <xsl:function name="tk:in-verse-run" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="exists($node/self::l)
                          or ($node instance of text() and not(normalize-space($node))
                              and exists($node/preceding-sibling::node()[1][self::l]) and exists($node/following-sibling::node()[1][self::l]))"/>
  </xsl:function>

  <!-- A list: one line per item, head and label; what else it holds (a note, a gap …) on the line
       of the part before it (common/reading.xsl, tk:strays-after), as in the HTML. -->
  <xsl:template match="list" mode="tk:txt-block" as="xs:string">
    <xsl:variable name="numbered" select="@rend = ('numbered', 'ordered') or @type = ('ordered', 'numbered')"/>
    <xsl:variable name="parts" select="*[tk:is-part(.)]"/>
    <xsl:sequence select="if (empty($parts)) then tk:txt-line(.) else string-join($parts ! (
        (if (not(self::item)) then '' else if ($numbered) then count(preceding-sibling::item) + 1 || '. ' else '- ')
        || tk:txt-part(., tk:strays-before(.), tk:strays-after(.)))[normalize-space()], '&#10;')"/>
  </xsl:template>

  <!-- A table: its head, then one line per row, cells " | " apart; what else the table or a row
       holds (a note, a gap, a page break) at the end of the cell before it (tk:cell-strays). -->
  <xsl:template match="table" mode="tk:txt-block" as="xs:string">
    <xsl:sequence select="string-join((head ! tk:txt-part(., tk:strays-before(.), tk:strays-after(.)),
        row ! string-join(cell ! tk:txt-part(., tk:cell-strays(., false()), tk:cell-strays(., true())), ' | '))[normalize-space()], '&#10;')"/>
  </xsl:template>

  <!-- The line of a part of a list or table, with what goes with it before and after it. -->
  <xsl:function name="tk:txt-part" as="xs:string">
    <xsl:param name="part" as="element()"/>
    <xsl:param name="before" as="node()*"/>
    <xsl:param name="after" as="node()*"/>
    <xsl:sequence select="if (tk:has-block($part)) then tk:normalize(string-join((tk:txt-nodes($before), tk:txt-line($part), tk:txt-nodes($after)), ' '))
                          else tk:txt-nodes(($before, $part/node(), $after))"/>
  </xsl:function>

  <!-- A register: its head, then one line per entry, the entry's parts a space apart. -->
  <xsl:template match="listPerson | listPlace | listOrg | listEvent | listBibl | listNym | listWit" mode="tk:txt-block" as="xs:string">
    <xsl:variable name="lines" as="xs:string*">
      <xsl:apply-templates select="*" mode="tk:txt-entry"/>
    </xsl:variable>
    <xsl:sequence select="string-join($lines[.], '&#10;')"/>
  </xsl:template>

  <xsl:mode name="tk:txt-entry" on-no-match="shallow-skip" on-multiple-match="fail"/>

  <!-- An entry's own notes leave their "[n]" on its line, as a note in the text does in its
       sentence, so every note of the Notes block is found where it belongs. -->
  <xsl:function name="tk:note-marks" as="xs:string*">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="$entry/note ! ('[' || tk:note-label(.) || ']')"/>
  </xsl:function>

  <xsl:template match="*" mode="tk:txt-entry" as="xs:string">
    <xsl:sequence select="if (text()[normalize-space()]) then tk:txt(.)
                          else string-join((*[not(self::note)] ! tk:txt(.)[.], tk:note-marks(.)), ' ')"/>
  </xsl:template>

  <xsl:template match="listPerson | listPlace | listOrg | listEvent | listBibl | listNym | listWit | person | place | org"
                mode="tk:txt-entry" priority="1" as="xs:string*">
    <xsl:if test="self::person or self::place or self::org">
      <xsl:sequence select="string-join((*[not(self::note or self::listPerson or self::listPlace or self::listOrg
                                          or self::person or self::place or self::org)] ! tk:txt(.)[.], tk:note-marks(.)), ' ')"/>
    </xsl:if>
    <xsl:apply-templates select="listPerson | listPlace | listOrg | person | place | org" mode="tk:txt-entry"/>
  </xsl:template>

</xsl:stylesheet>
