<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notes are never read inside the sentence: in the text a note leaves a
  numbered marker linking to its footnote, and every note of the text is a
  footnote at the end of the page (tk:footnotes), but a speaker note, which
  heads its utterance, numbered as
  common/reading.xsl numbers them; then the apparatus of the editor's
  alternatives (tk:apparatus). Notes outside the text (in a register of
  the header) stay where they are, set apart in brackets.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:template match="note[tk:in-text(.)]" mode="tk:html">
    <xsl:variable name="n" select="tk:note-numbers($tk:page)(generate-id())"/>
    <sup class="note-ref">
      <xsl:choose>
        <xsl:when test="exists($n) and not(tk:in-link(.))"><a href="#note-{$n}">{tk:note-label(.)}</a></xsl:when>
        <xsl:otherwise>{tk:note-label(.)}</xsl:otherwise>
      </xsl:choose>
    </sup>
  </xsl:template>

  <!-- A speaker note is no footnote (common/reading.xsl): the utterance after it heads itself with it
       (blocks.xsl), else it is read where it stands, a speaker's line. -->
  <xsl:template match="note[@type = 'speaker']" mode="tk:html" priority="1">
    <xsl:if test="not(tk:heads-utterance(.))">
      <span class="tei-speaker"><xsl:apply-templates mode="tk:html"/></span>
    </xsl:if>
  </xsl:template>

  <xsl:template match="note" mode="tk:html" priority="-0.5">
    <span class="{tk:classes(.)}"> [<xsl:apply-templates mode="tk:html"/>] </span>
  </xsl:template>

  <!-- The footnotes of the page's text, if it has notes. -->
  <xsl:template name="tk:footnotes">
    <xsl:param name="lang" as="xs:string" required="yes"/>
    <xsl:variable name="notes" select="$tk:page ! tk:footnotes(.)"/>
    <xsl:if test="exists($notes)">
      <section class="notes" id="notes">
        <h2><xsl:sequence select="tk:lang-attributes(tk:label-lang($lang), $lang)"/>{tk:label('notes', $lang)}</h2>
        <ol class="footnotes">
          <xsl:for-each select="$notes">
            <li id="note-{position()}" class="{tk:classes(.)}">
              <xsl:sequence select="tk:lang-attributes(tk:lang(.), $lang)"/>
              <span class="note-label">{tk:note-label(.)}</span>
              <xsl:text> </xsl:text>
              <xsl:apply-templates mode="tk:html"/>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- The apparatus: every editorial alternative of the text (common/reading.xsl), which the text
       also gives on hover, in document order. -->
  <xsl:template name="tk:apparatus">
    <xsl:param name="lang" as="xs:string" required="yes"/>
    <xsl:variable name="entries" select="tk:apparatus($tk:page)"/>
    <xsl:if test="exists($entries)">
      <section class="apparatus" id="apparatus">
        <h2><xsl:sequence select="tk:lang-attributes(tk:label-lang($lang), $lang)"/>{tk:label('apparatus', $lang)}</h2>
        <ol class="apparatus-entries">
          <xsl:for-each select="$entries">
            <li class="tei-{local-name()}">{tk:apparatus-entry(.)}</li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
