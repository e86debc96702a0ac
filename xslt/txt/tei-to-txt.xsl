<?xml version="1.0" encoding="UTF-8"?>
<!--
  teikit text edition: one UTF-8 plain-text file per TEI document.

  Title line, date line, author line (and, where the header has them, the
  editors, a letter's correspondents, a manuscript's identifier and contents),
  then every block of the text (front, body and back: paragraphs, captions as
  "[Ảnh: …]", verse lines one per line, list items, table rows …) separated by
  blank lines, the notes (in the text only their "[n]"), the apparatus of the
  editor's alternatives ("lemma] sic: …", one a line), and a final
  newline. Inline elements only pass their text through, so no space is ever
  added or lost around a name; a line or page break is a space unless
  @break="no" (blocks.xsl, inline.xsl); tokens (w, pc) written one against the
  other are read a space apart, but where they join (common/reading.xsl).

  $abbr = 'keep'   prints teikit's machine abbreviations as written (MTTQVN);
          'expand' prints the expansion in their place (Mặt trận Tổ quốc Việt Nam),
                   except where the abbreviation stands in parentheses right
                   after the words it abbreviates, where it is being defined:
                   "Công an nhân dân (CAND)" stays as written.
          An editor's choice is always read as its corr, reg or expan (common/reading.xsl).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>
  <xsl:include href="blocks.xsl"/>
  <xsl:include href="inline.xsl"/>

  <xsl:param name="abbr" as="xs:string" select="'keep'"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:mode on-no-match="shallow-skip" on-multiple-match="fail"/>
  <!-- Header lines beyond title, date and author: each returns one string. -->
  <xsl:mode name="tk:txt-meta" on-no-match="shallow-skip" on-multiple-match="fail"/>

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
        <xsl:sequence select="tk:labelled('date-line', (tk:date-label($date, $lang)[.], tk:normalize($date))[1], $lang)"/>
      </xsl:if>
      <xsl:if test="$authors">
        <xsl:sequence select="tk:label('author', $lang) || ': ' || tk:authors(.)"/>
      </xsl:if>
      <xsl:apply-templates select="teiHeader/fileDesc/titleStmt/editor, teiHeader/profileDesc/correspDesc/correspAction,
                                   teiHeader/fileDesc/sourceDesc/msDesc" mode="tk:txt-meta"/>
    </xsl:variable>
    <xsl:variable name="blocks" as="xs:string*">
      <xsl:apply-templates select="tk:text-parts(.)" mode="tk:txt-block"/>
      <xsl:call-template name="tk:txt-notes">
        <xsl:with-param name="lang" select="$lang"/>
      </xsl:call-template>
      <xsl:if test="exists(tk:apparatus(.))">
        <xsl:sequence select="string-join((tk:label('apparatus', $lang), tk:apparatus(.) ! tk:apparatus-entry(.)), '&#10;')"/>
      </xsl:if>
    </xsl:variable>
    <xsl:value-of select="tk:front-matter(.) || string-join($header, '&#10;') || '&#10;&#10;'
                          || string-join($blocks[.], '&#10;&#10;') || '&#10;'"/>
  </xsl:template>

  <!-- "Label: value", or the value alone (capitalised) when it already opens with the label's
       word, so that no line repeats it: "Ngày 31 tháng 7 năm 2013", not "Ngày: ngày 31 …". -->
  <xsl:function name="tk:labelled" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:variable name="label" select="tk:label($key, $lang)"/>
    <xsl:sequence select="if (lower-case(tokenize($value)[1]) = lower-case($label))
                          then upper-case(substring($value, 1, 1)) || substring($value, 2)
                          else $label || ': ' || $value"/>
  </xsl:function>

  <!--
    The machine-readable header (docs/editions.md, "The text edition's front matter"): YAML
    between two lines of three hyphens, every key always present, every value a double-quoted string
    (a YAML flow list for the authors), null when the document has none.
  -->
  <xsl:function name="tk:front-matter" as="xs:string">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:variable name="file" select="$tei/teiHeader/fileDesc"/>
    <xsl:variable name="source" select="$file/sourceDesc/bibl[1]"/>
    <xsl:variable name="date" select="tk:article-date($tei)"/>
    <!-- the text's licence (teikit: licence n="text", none when availability says it is unknown), and the
         markup's; from the availability alone (tk:licences: its licence, else its p), never the publisher -->
    <xsl:variable name="licences" select="tk:licences($file/publicationStmt)"/>
    <xsl:variable name="licence" select="$licences[not(../@status = 'unknown')][not(@n = 'markup')][1]"/>
    <xsl:variable name="markup" select="$licences[self::licence][@n = 'markup'][1]"/>
    <xsl:variable name="fields" as="xs:string*" select="(
      'title: ' || tk:yaml(tk:plain($file/titleStmt/title[1])),
      'author: ' || (if ($file/titleStmt/author)
                     then '[' || string-join($file/titleStmt/author ! tk:yaml(tk:plain(.)), ', ') || ']'
                     else '[]'),
      'date: ' || tk:yaml(($date ! (tk:datetime(.), @from, @notBefore), $date ! tk:normalize(.))[normalize-space()][1]),
      'url: ' || tk:yaml(($source/ref/@target, $source/ptr/@target, $file/publicationStmt/ptr/@target)[1]),
      'sitename: ' || tk:yaml($source/publisher[1] ! tk:plain(.)),
      'identifier: ' || tk:yaml(($file/publicationStmt/idno[@type = 'teikit'], $file/publicationStmt/idno, $tei/@xml:id)[1]),
      'licence: ' || tk:yaml($licence ! tk:plain(.)[.]),
      'licence_url: ' || tk:yaml($licence/@target),
      'markup_licence: ' || tk:yaml($markup ! tk:plain(.)[.]),
      'markup_licence_url: ' || tk:yaml($markup/@target),
      'language: ' || tk:yaml((($tei/ancestor-or-self::*/@xml:lang)[last()], $document-lang)[normalize-space()][1]))"/>
    <xsl:sequence select="'---&#10;' || string-join($fields, '&#10;') || '&#10;---&#10;&#10;'"/>
  </xsl:function>

  <!-- A YAML double-quoted scalar (the JSON string syntax, which YAML reads as is); null for nothing. -->
  <xsl:function name="tk:yaml" as="xs:string">
    <xsl:param name="value" as="xs:anyAtomicType?"/>
    <xsl:variable name="text" select="tk:normalize(string($value))"/>
    <xsl:sequence select="if (not($text)) then 'null'
                          else '&quot;' || replace(replace($text, '\\', '\\\\'), '&quot;', '\\&quot;') || '&quot;'"/>
  </xsl:function>

  <xsl:template match="editor" mode="tk:txt-meta" as="xs:string">
    <xsl:sequence select="tk:label('editor', tk:text-lang(.)) || ': ' || tk:plain(.)"/>
  </xsl:template>

  <xsl:template match="correspAction" mode="tk:txt-meta" as="xs:string">
    <xsl:sequence select="tk:label('corresp-' || (@type, 'sent')[1], tk:text-lang(.)) || ': '
        || string-join(*[normalize-space() or self::date] ! (if (self::date and not(normalize-space()))
                       then tk:date-label(., tk:text-lang(.)) else tk:normalize(.)), ', ')"/>
  </xsl:template>

  <xsl:template match="msDesc" mode="tk:txt-meta" as="xs:string+">
    <xsl:variable name="lang" select="tk:text-lang(.)"/>
    <xsl:sequence select="tk:ms-parts(.) ! (tk:label(?1, $lang) || ': ' || ?3)"/>
  </xsl:template>

  <!-- The reading text of a block, with abbreviations per $abbr. -->
  <xsl:function name="tk:txt" as="xs:string">
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="tk:txt-nodes($block/node())"/>
  </xsl:function>

  <xsl:function name="tk:txt-nodes" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$nodes" mode="tk:txt-inline"/>
    </xsl:variable>
    <xsl:sequence select="tk:normalize(string-join($parts))"/>
  </xsl:function>

  <!-- Every note of the text, "[n] its text", one a line (its paragraphs a space apart), after the text. -->
  <xsl:template name="tk:txt-notes" as="xs:string?">
    <xsl:param name="lang" as="xs:string" required="yes"/>
    <xsl:variable name="notes" select="tk:footnotes(.)"/>
    <xsl:if test="exists($notes)">
      <xsl:sequence select="string-join((tk:label('notes', $lang),
                            $notes ! ('[' || tk:note-label(.) || '] ' || tk:txt-line(.))), '&#10;')"/>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
