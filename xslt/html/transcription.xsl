<?xml version="1.0" encoding="UTF-8"?>
<!--
  Mode tk:html for the transcription elements of any TEI document: one reading
  per choice and app (the others in @title), line and page breaks that never
  glue two words (nor split one at @break="no" or after a line-end ¬:
  common/reading.xsl, tk:break-joins), expansions with their
  supplied letters (ex) classed, deletions struck through, gaps marked, the
  events of a speech (vocal, incident, kinesic) their "[desc]", spaced, tokens
  written one against the other a space apart (common/reading.xsl), and a
  fallback for every other element: its content in a span (a div when it holds
  a block) classed "tei-NAME", so that no text is ever lost.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns/1.0"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- Any element without a template of its own. -->
  <xsl:template match="*" mode="tk:html" priority="-10">
    <xsl:element name="{if (tk:is-block(.)) then 'div' else 'span'}">
      <xsl:attribute name="class" select="tk:classes(.)"/>
      <xsl:apply-templates mode="tk:html"/>
    </xsl:element>
  </xsl:template>

  <!-- What the HTML element made from an element takes from it beside its class: the id a pointer
       links to (tk:page-targets, links.xsl), and its language where it changes (lang, and dir where
       the writing direction changes too). Added to the first element the element's own template
       makes (a body with either is a div of its own, blocks.xsl). -->
  <xsl:template match="*[@xml:lang] | *[@xml:id][map:contains($tk:page-targets, string(@xml:id))]" mode="tk:html" priority="20">
    <xsl:variable name="attributes" as="attribute()*" select="tk:own-attributes(.)"/>
    <xsl:variable name="made" as="node()*"><xsl:next-match/></xsl:variable>
    <xsl:choose>
      <xsl:when test="exists($attributes) and $made[1] instance of element()">
        <xsl:for-each select="$made[1]">
          <xsl:copy>
            <xsl:copy-of select="@*"/>
            <xsl:copy-of select="$attributes[not(node-name(.) = current()/@*/node-name())]"/>
            <xsl:copy-of select="node()"/>
          </xsl:copy>
        </xsl:for-each>
        <xsl:sequence select="$made[position() gt 1]"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$made"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:function name="tk:own-attributes" as="attribute()*">
    <xsl:param name="element" as="element()"/>
    <xsl:if test="$element/@xml:id and map:contains($tk:page-targets, string($element/@xml:id))">
      <xsl:attribute name="id" select="tk:anchor-id($element/@xml:id)"/>
    </xsl:if>
    <!-- (A note of the text leaves only its mark here: its language goes on its footnote, notes.xsl.) -->
    <xsl:if test="not($element/self::note[tk:in-text(.)])">
      <xsl:sequence select="tk:lang-attributes(tk:lang($element), tk:lang($element/..))"/>
    </xsl:if>
  </xsl:function>

  <!-- Elements whose parts are often written without a space between them (tk:spaced-parts,
       common/reading.xsl): a space before each part but the first; their text between parts kept. -->
  <xsl:template match="castItem | address | respStmt" mode="tk:html">
    <xsl:element name="{if (tk:is-block(.)) then 'div' else 'span'}">
      <xsl:attribute name="class" select="tk:classes(.)"/>
      <xsl:for-each select="node()">
        <xsl:if test="self::*[not(self::note)] and preceding-sibling::node()"><xsl:text> </xsl:text></xsl:if>
        <xsl:apply-templates select="." mode="tk:html"/>
      </xsl:for-each>
    </xsl:element>
  </xsl:template>

  <!-- A part written right after another, or a token after a token, a space after it (common/reading.xsl,
       tk:abuts, tk:after-token), outside the element (a name's link) it makes; above the template
       giving an element's id and language to the first element it makes. -->
  <xsl:template _match="{$tk:abutting}" mode="tk:html" priority="25">
    <xsl:text> </xsl:text>
    <xsl:next-match/>
  </xsl:template>

  <!-- "tei-NAME", its @type and @rend as classes. -->
  <xsl:function name="tk:classes" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="string-join(('tei-' || local-name($element),
        ($element/@type, $element/@rend) ! tokenize(.) ! replace(., '[^\p{L}\p{N}_-]', '')[.] ! ('tei-' || local-name($element) || '-' || .)), ' ')"/>
  </xsl:function>

  <!-- Words that go on across a break (@break="no", or a line-end hyphen ¬ before it: common/reading.xsl,
       tk:break-joins): the white space at the break goes, and the line-end hyphen. -->
  <xsl:template match="text()[$tk:page-joins][following-sibling::node()[1][self::lb or self::pb or self::cb][tk:break-joins(.)]]
                     | text()[$tk:page-joins][preceding-sibling::node()[1][self::lb or self::pb or self::cb][tk:break-joins(.)]]"
                mode="tk:html" priority="1">
    <xsl:value-of select="tk:trim-at-breaks(.)"/>
  </xsl:template>

  <!-- Whether the page has a break that joins words (most have none: the text nodes then need no look around). -->
  <xsl:variable name="tk:page-joins" as="xs:boolean" select="exists($tk:page ! tk:text-of(.)//(lb | pb | cb)[tk:break-joins(.)])"/>

  <xsl:template match="lb | cb" mode="tk:html">
    <xsl:if test="not(tk:break-joins(.))"><br class="tei-{local-name()}"/></xsl:if>
  </xsl:template>

  <!-- A page break: its number shown by the style sheet (data-n), a space unless the word goes on. -->
  <xsl:template match="pb" mode="tk:html">
    <span class="tei-pb">
      <xsl:if test="@n"><xsl:attribute name="data-n" select="@n"/></xsl:if>
      <xsl:if test="not(tk:break-joins(.))"><xsl:text> </xsl:text></xsl:if>
    </span>
  </xsl:template>


  <!-- One reading of a choice or app; the other branches on hover. -->
  <xsl:template match="choice | app" mode="tk:html">
    <xsl:variable name="read" select="tk:reading(.)"/>
    <span class="tei-{local-name()}{$read ! (' tei-' || local-name())}">
      <xsl:variable name="others" select="tk:alternatives(.)"/>
      <xsl:if test="exists($others)"><xsl:attribute name="title" select="string-join($others, ' · ')"/></xsl:if>
      <xsl:call-template name="tk:machine-attrs"/>
      <xsl:apply-templates select="$read/node(), tk:unread-notes(.)" mode="tk:html"/>
    </span>
  </xsl:template>

  <!-- Not read in the text: deletions are shown struck through; the rest is left out, but for the
       markers of its notes (common/reading.xsl, tk:notes-in). -->
  <xsl:template _match="{$tk:unshown}" mode="tk:html" priority="3">
    <xsl:apply-templates select="tk:notes-in(node())" mode="tk:html"/>
  </xsl:template>

  <xsl:template match="del" mode="tk:html">
    <del class="{tk:classes(.)}"><xsl:apply-templates mode="tk:html"/></del>
  </xsl:template>

  <!-- A restored deletion (common/reading.xsl) is text again: not struck through, classed as restored
       (the restore round it is a span.tei-restore, which the style sheet marks). -->
  <xsl:template match="del[ancestor::restore]" mode="tk:html">
    <span class="{tk:classes(.)} tei-restored"><xsl:apply-templates mode="tk:html"/></span>
  </xsl:template>

  <!-- A substitution reads as what was added; what was deleted is on hover (struck through, it would glue to it). -->
  <xsl:template match="subst" mode="tk:html">
    <span class="tei-subst" title="{string-join(del ! ('del: ' || tk:reading-text(.)), ' · ')}">
      <xsl:apply-templates select="node() except del, tk:notes-in(del)" mode="tk:html"/>
    </span>
  </xsl:template>

  <xsl:template match="add" mode="tk:html">
    <ins class="{tk:classes(.)}"><xsl:apply-templates mode="tk:html"/></ins>
  </xsl:template>

  <!-- An empty g: the character its charDecl maps it to (common/reading.xsl), in the span the g makes. -->
  <xsl:template match="g[not(node())]" mode="tk:html">
    <span class="{tk:classes(.)}">{tk:glyph(.)}</span>
  </xsl:template>

  <xsl:template match="gap" mode="tk:html">
    <span class="tei-gap" title="{string-join((@reason, @quantity || ' ' || @unit)[normalize-space()], ' ')}">{tk:description(.)}</span>
  </xsl:template>

  <!-- What happens beside the words of a speech: the editor's description, spaced (common/reading.xsl). -->
  <xsl:template _match="{$tk:events}" mode="tk:html">
    <span class="{tk:classes(.)}"><xsl:text> </xsl:text><xsl:if test="desc"><span class="tei-desc">{tk:description(.)}</span><xsl:text> </xsl:text></xsl:if></span>
  </xsl:template>

  <!-- White space the editor marked, and the caesura parting two half-lines of verse: a space (common/reading.xsl). -->
  <xsl:template _match="{$tk:spacers}" mode="tk:html">
    <span class="tei-{local-name()}"><xsl:text> </xsl:text></span>
  </xsl:template>

</xsl:stylesheet>
