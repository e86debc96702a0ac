<?xml version="1.0" encoding="UTF-8"?>
<!--
  Mode tk:html for the blocks of any TEI document beyond teikit's own (which
  inline.xsl renders): front and back matter, numbered divisions, heads,
  anonymous blocks, lists, tables, quotations and utterances. Verse (lg, l), letter parts
  (opener, closer, salute, signed, dateline) and the rest fall to the fallback
  of transcription.xsl: a div classed by its name.
  Nothing here opens a block inside an HTML p (see p in inline.xsl and tk:has-block).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- The text: front, body and back (and the texts of a group). teikit's body is the page itself;
       a body with a language of its own or an id a pointer links to is a div, which takes them
       (transcription.xsl): given to its first block instead, they would leave the rest. -->
  <xsl:template match="body" mode="tk:html">
    <xsl:choose>
      <xsl:when test="exists(tk:own-attributes(.))">
        <div class="{tk:classes(.)}"><xsl:apply-templates mode="tk:html"/></div>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="tk:html"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="front | back | group | group/text" mode="tk:html">
    <section class="{tk:classes(.)}"><xsl:apply-templates mode="tk:html"/></section>
  </xsl:template>

  <xsl:template match="div1 | div2 | div3 | div4 | div5 | div6 | div7" mode="tk:html">
    <section class="div{@type ! (' div-' || .)}"><xsl:apply-templates mode="tk:html"/></section>
  </xsl:template>

  <!-- Heads of what is not a div (div/head is in inline.xsl). -->
  <xsl:template match="head" mode="tk:html" priority="-0.2">
    <xsl:element name="{if (parent::lg or parent::sp or parent::list or tk:in-inline(.)) then 'div' else 'h2'}">
      <xsl:attribute name="class" select="tk:classes(.)"/>
      <xsl:apply-templates mode="tk:html"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="div1/head | div2/head | div3/head | div4/head | div5/head | div6/head | div7/head" mode="tk:html">
    <h2><xsl:apply-templates mode="tk:html"/></h2>
  </xsl:template>

  <!-- An element rendered as a span (tk:is-block false), inside which a heading would not belong. -->
  <xsl:function name="tk:in-inline" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists($element/parent::*[not(tk:is-block(.))])"/>
  </xsl:function>

  <xsl:template match="ab" mode="tk:html">
    <xsl:element name="{if (tk:has-block(.)) then 'div' else 'p'}">
      <xsl:attribute name="class" select="tk:classes(.)"/>
      <xsl:apply-templates mode="tk:html"/>
    </xsl:element>
  </xsl:template>

  <!-- Lists: ul (ol when numbered); a list's head and labels are items of their own. -->
  <!-- What else a list holds (a note, a gap …) goes in the item before it (common/reading.xsl,
       tk:strays-after): an HTML list holds nothing but items. -->
  <xsl:template match="list" mode="tk:html">
    <xsl:element name="{if (@rend = ('numbered', 'ordered') or @type = ('ordered', 'numbered')) then 'ol' else 'ul'}">
      <xsl:attribute name="class" select="tk:classes(.)"/>
      <xsl:apply-templates select="if (exists(*[tk:is-part(.)])) then *[tk:is-part(.)] else node()" mode="tk:html"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="list/item | list/head | list/label" mode="tk:html">
    <li class="{tk:classes(.)}">
      <xsl:apply-templates select="tk:strays-before(.), node(), tk:strays-after(.)" mode="tk:html"/>
    </li>
  </xsl:template>

  <!-- Tables: head as caption, rows, cells (label cells as th). -->
  <!-- What else a table or a row holds (a note, a gap, a page break) goes in the cell before it, at
       its end (common/reading.xsl, tk:cell-strays): an HTML table holds nothing but rows and cells. -->
  <xsl:template match="table" mode="tk:html">
    <table class="{tk:classes(.)}">
      <xsl:apply-templates select="head" mode="tk:html"/>
      <tbody><xsl:apply-templates select="row" mode="tk:html"/></tbody>
    </table>
    <xsl:if test="empty(*[tk:is-part(.)])"><xsl:apply-templates select="node()" mode="tk:html"/></xsl:if>
  </xsl:template>

  <xsl:template match="table/head" mode="tk:html">
    <caption><xsl:apply-templates select="tk:strays-before(.), node(), tk:strays-after(.)" mode="tk:html"/></caption>
  </xsl:template>

  <xsl:template match="row" mode="tk:html">
    <tr class="{tk:classes(.)}"><xsl:apply-templates select="cell" mode="tk:html"/></tr>
  </xsl:template>

  <xsl:template match="cell" mode="tk:html">
    <xsl:element name="{if (@role = 'label' or parent::row/@role = 'label') then 'th' else 'td'}">
      <xsl:if test="@cols castable as xs:integer"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
      <xsl:if test="@rows castable as xs:integer"><xsl:attribute name="rowspan" select="@rows"/></xsl:if>
      <xsl:apply-templates select="tk:cell-strays(., false()), node(), tk:cell-strays(., true())" mode="tk:html"/>
    </xsl:element>
  </xsl:template>

  <!-- An utterance (TEI's transcription of speech): a block headed by its speaker (common/reading.xsl:
       the speaker note before it, else its @who's person), its words a paragraph. -->
  <xsl:template match="u" mode="tk:html">
    <div class="{tk:classes(.)}">
      <xsl:variable name="note" select="tk:speaker-note(.)"/>
      <xsl:choose>
        <xsl:when test="exists($note)"><p class="tei-speaker"><xsl:apply-templates select="$note/node()" mode="tk:html"/></p></xsl:when>
        <xsl:otherwise><xsl:for-each select="tk:speaker-name(.)"><p class="tei-speaker">{.}</p></xsl:for-each></xsl:otherwise>
      </xsl:choose>
      <xsl:element name="{if (tk:has-block(.)) then 'div' else 'p'}"><xsl:apply-templates mode="tk:html"/></xsl:element>
    </div>
  </xsl:template>

  <!-- Quotations: inline, or a blockquote when they hold verse or paragraphs. -->
  <xsl:template match="quote | q | said | cit" mode="tk:html">
    <xsl:element name="{if (tk:has-block(.)) then 'blockquote' else 'span'}">
      <xsl:attribute name="class" select="tk:classes(.)"/>
      <xsl:apply-templates mode="tk:html"/>
    </xsl:element>
  </xsl:template>

</xsl:stylesheet>
