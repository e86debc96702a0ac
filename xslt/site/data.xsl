<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the corpus site needs of one document, as a small XML record (render/sitedata.py
  stores it, so that no page of the site needs more than one document in memory):

    <doc title date datetime date-label authors site lang ids?>
      <e id type name uri? named?> <v>variant</v>* <idno type>value</idno>* </e>   per register entry mentioned
      <m ref mid text before after/>                                    per name mention, in order
      <d mid when label spec text before after/>                        per dated mention (a year known)
    </doc>

  "before" / "after" are the reading text of the mention's block around it, read as the article
  page reads it (common/reading.xsl: one branch of a choice, app or subst, no del, fw or figDesc, a
  gap "[…]"; a mention in a note, the note's), cut to $tk:context-chars characters at a word boundary;
  "text" is the mention read so (tk:plain: an editor's expan, not the abbr).

  The register entries of teikit's articles are its standOff's, their ids the corpus register's.
  Anyone's TEI ($document-ids 'yes', Renderer.site_record: names.is_teikit_document) has ids of its
  own (ids="document": render/sitedata.py makes them the site's): its entries are those of any
  listPerson, listOrg or listPlace in it, standOff, header, text or back matter (tk:register-entry),
  each with its authority URI (@uri, tk:entry-uri), and a name whose @ref is an authority URI
  (http, https) and no entry of the document is an entry of its own, @id and @uri that URI. An
  entry without a name of its own is named by its first mention (named="mention").
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tk="https://teikit.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="../common/common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no" omit-xml-declaration="yes"/>
  <xsl:mode on-no-match="shallow-skip"/>

  <xsl:variable name="tk:context-chars" as="xs:integer" select="80"/>
  <xsl:variable name="tk:context-window" as="xs:integer" select="2 * $tk:context-chars"/>

  <xsl:template match="/TEI">
    <xsl:variable name="lang" select="tk:lang(.)"/>
    <xsl:variable name="date" select="tk:article-date(.)"/>
    <xsl:variable name="mentions" select="if ($tk:own-ids)
        then tk:text-of(.)//(persName | orgName | placeName)[@ref][exists(tk:register-entry(.)) or tk:is-authority(tk:ref-id(.))]
        else tk:text-of(.)//(persName | orgName | placeName)[@ref][exists(tk:entry(.))]"/>
    <!-- tk:mention-id of each mention: the document's map (tk:mention-ids) looked up here, not by a call
         per mention (each a look-up in the function's cache, which costs more); a TEI nested in the
         text, which numbers its own (tk:tei), leaves it to tk:mention-id. -->
    <xsl:variable name="mention-ids" as="map(xs:string, xs:string)?"
        select="if (tk:text-of(.)//TEI) then () else tk:mention-ids(.)"/>
    <doc title="{tk:plain(teiHeader/fileDesc/titleStmt/title[1])}"
         date="{string(($date ! (@when, @from, @notBefore))[1])}"
         datetime="{($date ! tk:datetime(.))[1]}"
         date-label="{$date ! (tk:date-label(., $lang)[.], tk:normalize(.))[1]}"
         authors="{tk:authors(.)}"
         site="{tk:source-site(.)}"
         lang="{$lang}">
      <xsl:if test="$tk:own-ids"><xsl:attribute name="ids" select="'document'"/></xsl:if>
      <xsl:for-each-group select="$mentions" group-by="tk:ref-id(.)">
        <xsl:variable name="entry" select="tk:register-entry(current-group()[1])"/>
        <xsl:variable name="entry-name" as="xs:string?" select="($entry ! tk:entry-name(.))[.]"/>
        <e id="{current-grouping-key()}" type="{tk:entity-type(($entry, current-group()[1])[1])}"
           name="{($entry-name, tk:name-plain(current-group()[1]))[1]}">
          <xsl:if test="$tk:own-ids">
            <xsl:attribute name="uri" select="if ($entry) then tk:entry-uri($entry) else current-grouping-key()"/>
          </xsl:if>
          <xsl:if test="empty($entry-name)"><xsl:attribute name="named" select="'mention'"/></xsl:if>
          <xsl:for-each select="distinct-values(($entry/(persName | orgName | placeName) ! tk:plain(.), current-group() ! tk:name-plain(.)))">
            <v>{.}</v>
          </xsl:for-each>
          <xsl:for-each select="$entry/idno[normalize-space()]">
            <idno type="{@type}">{normalize-space(.)}</idno>
          </xsl:for-each>
        </e>
      </xsl:for-each-group>
      <!-- Mentions in a row in one block share its reading text (tk:context). -->
      <xsl:for-each-group select="$mentions" group-adjacent="generate-id(tk:block(.))">
        <xsl:variable name="reading" select="tk:marked-reading(tk:block(.))"/>
        <xsl:for-each select="current-group()">
          <m ref="{tk:ref-id(.)}" mid="{if (exists($mention-ids)) then $mention-ids(generate-id(.)) else tk:mention-id(.)}" text="{tk:marked-text($reading, .)}">
            <xsl:call-template name="tk:context">
              <xsl:with-param name="reading" select="$reading"/>
            </xsl:call-template>
          </m>
        </xsl:for-each>
      </xsl:for-each-group>
      <xsl:for-each-group select="tk:text-of(.)//date[matches(normalize-space((@when, @from, @notBefore)[1]), '^[0-9]{4}')]"
                          group-adjacent="generate-id(tk:block(.))">
        <xsl:variable name="reading" select="tk:marked-reading(tk:block(.))"/>
        <xsl:for-each select="current-group()">
          <xsl:variable name="text" select="tk:marked-text($reading, .)"/>
          <d mid="{if (exists($mention-ids)) then $mention-ids(generate-id(.)) else tk:mention-id(.)}" when="{normalize-space((@when, @from, @notBefore)[1])}"
             label="{(tk:date-label(., $lang)[.], $text)[1]}" spec="{tk:date-spec(.)}" text="{$text}">
            <xsl:call-template name="tk:context">
              <xsl:with-param name="reading" select="$reading"/>
            </xsl:call-template>
          </d>
        </xsl:for-each>
      </xsl:for-each-group>
    </doc>
  </xsl:template>

  <!-- @before and @after of the context item, a mention: its block's reading text around it
       ($reading: tk:marked-reading of its tk:block, passed in when mentions share a block). A
       mention the block does not read (in an unread branch) has none. -->
  <xsl:template name="tk:context">
    <xsl:param name="reading" as="map(*)" select="tk:marked-reading(tk:block(.))"/>
    <xsl:variable name="id" select="generate-id()"/>
    <xsl:variable name="text" as="xs:string" select="$reading?text"/>
    <xsl:variable name="opens" as="xs:integer?" select="$reading?at($tk:open || $id)"/>
    <xsl:variable name="closes" as="xs:integer?" select="$reading?at($tk:close || $id)"/>
    <xsl:variable name="before" select="if (exists($opens)) then tk:edge-normalized(substring($text, 1, $opens), false()) else ''"/>
    <xsl:variable name="after" select="if (exists($closes)) then tk:edge-normalized(substring($text, $closes + 1), true()) else ''"/>
    <xsl:variable name="tail" select="substring($before, string-length($before) - $tk:context-chars + 1)"/>
    <xsl:variable name="head" select="substring($after, 1, $tk:context-chars)"/>
    <xsl:variable name="last-space" select="index-of(string-to-codepoints($head), 32)[last()]"/>
    <xsl:attribute name="before" select="if (string-length($before) le $tk:context-chars) then $before
        else '…' || (if (contains($tail, ' ')) then substring-after($tail, ' ') else $tail)"/>
    <xsl:attribute name="after" select="if (string-length($after) le $tk:context-chars) then $after
        else (if (exists($last-space)) then substring($head, 1, $last-space - 1) else $head) || '…'"/>
  </xsl:template>

  <!-- tk:plain of a mention, cut from its block's reading ($reading, tk:marked-reading) between its
       marks: the block's reading reads the mention's content in the same mode as tk:plain does (a
       space the mention's own templates put before it, inside the marks, is trimmed as tk:plain
       trims), so the block is not read again for each name in it. A mention the block does not
       read (in an unread branch) is read on its own. -->
  <xsl:function name="tk:marked-text" as="xs:string">
    <xsl:param name="reading" as="map(*)"/>
    <xsl:param name="mention" as="element()"/>
    <xsl:variable name="id" select="generate-id($mention)"/>
    <xsl:variable name="opens" as="xs:integer?" select="$reading?at($tk:open || $id)"/>
    <xsl:variable name="closes" as="xs:integer?" select="$reading?at($tk:close || $id)"/>
    <!-- (the text is folded already: normalize-space is tk:normalize there) -->
    <xsl:sequence select="if (exists($opens) and exists($closes)) then normalize-space(substring($reading?text, $opens + 1, $closes - $opens))
                          else tk:plain($mention)"/>
  </xsl:function>

  <!-- The block a mention's context is taken from: its nearest block ancestor, or the note it is in
       (none: no context). -->
  <xsl:function name="tk:block" as="element()?">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="$mention/ancestor::*[tk:is-block-element(.) or self::note][1]"/>
  </xsl:function>

  <!-- The reading text of a block's content (mode tk:reading-text, common/reading.xsl), each name
       and date in it read between marks of its own (a part $tk:open id $tk:open before it, $tk:close id
       $tk:close after it: noncharacters, which no text holds), as map{'text': the reading without
       the marks, its spaces folded to ' ' as tk:normalize folds them ($tk:spaces, one character for
       one, so the offsets hold), 'at': map{$tk:open id | $tk:close id: how many characters of the
       text come before that mark}}, for tk:context to cut the text at. (The marks found by a regex
       in the joined text, once per mention, cost more than the rest of the record; and so did
       folding the text around each mention: the block is folded once.) Cached: a block with names
       and dates is read for both, and a cached call costs far less than reading a block again. -->
  <xsl:function name="tk:marked-reading" as="map(*)" cache="yes">
    <xsl:param name="block" as="element()?"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$block/node()" mode="tk:reading-text">
        <xsl:with-param name="tk:marks" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:variable>
    <xsl:iterate select="$parts">
      <xsl:param name="length" as="xs:integer" select="0"/>
      <xsl:param name="at" as="map(xs:string, xs:integer)" select="map{}"/>
      <xsl:on-completion>
        <xsl:sequence select="map{'text': translate(string-join($parts[not(starts-with(., $tk:open) or starts-with(., $tk:close))]), $tk:spaces, $tk:blanks),
                                   'at': $at}"/>
      </xsl:on-completion>
      <xsl:choose>
        <xsl:when test="starts-with(., $tk:open) or starts-with(., $tk:close)">
          <xsl:next-iteration>
            <xsl:with-param name="at" select="map:put($at, substring(., 1, string-length(.) - 1), $length)"/>
          </xsl:next-iteration>
        </xsl:when>
        <xsl:otherwise>
          <xsl:next-iteration>
            <xsl:with-param name="length" select="$length + string-length(.)"/>
          </xsl:next-iteration>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>

  <xsl:variable name="tk:open" as="xs:string" select="'&#xFDD0;'"/>
  <xsl:variable name="tk:close" as="xs:string" select="'&#xFDD1;'"/>

  <!-- A mention read between its marks. The space the templates it imports read before an element
       (a token after a token, a part written right after another: common/reading.xsl) is read before
       its open mark, not after it: it parts the context before the mention from the mention
       ("Die <mark>Katze</mark>", not "Die<mark> Katze</mark>", which the site showed "DieKatze"). -->
  <xsl:template match="persName | orgName | placeName | date" mode="tk:reading-text" as="xs:string*">
    <xsl:param name="tk:marks" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:choose>
      <xsl:when test="$tk:marks">
        <xsl:variable name="read" as="xs:string*"><xsl:next-match/></xsl:variable>
        <xsl:variable name="spaced" as="xs:boolean" select="$read[1] = ' '"/>
        <xsl:sequence select="' '[$spaced], $tk:open || generate-id() || $tk:open,
                              if ($spaced) then tail($read) else $read, $tk:close || generate-id() || $tk:close"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:next-match/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- tk:normalize-keep-edges($text) (a cut of tk:marked-reading's text, folded already), or only as
       much of its end ($from-start false) or of its start ($from-start true) as the context needs:
       the fold of $tk:context-window characters at that end when it comes out longer than
       $tk:context-chars + 1, for folding a suffix (a prefix) of a text gives a suffix (a prefix) of
       the whole text's fold; the whole fold otherwise. Folding the whole block for every mention in
       it cost more than the rest of the record. -->
  <xsl:function name="tk:edge-normalized" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="from-start" as="xs:boolean"/>
    <xsl:variable name="length" select="string-length($text)"/>
    <xsl:variable name="window" select="if ($length le $tk:context-window) then $text
        else if ($from-start) then substring($text, 1, $tk:context-window)
        else substring($text, $length - $tk:context-window + 1)"/>
    <xsl:variable name="folded" select="tk:normalize-keep-edges($window)"/>
    <xsl:sequence select="if ($length le $tk:context-window or string-length($folded) gt $tk:context-chars + 1)
        then $folded else tk:normalize-keep-edges($text)"/>
  </xsl:function>

  <!-- White space normalised, but a space at either end kept (it parts the context from the mention),
       in a text whose spaces are folded already (every space ' ', tk:marked-reading: $tk:spaces holds
       every space an XML document can), so the ends are tested with starts-with / ends-with: a regex
       ('\s$') over a paragraph, per mention, cost more than the rest of the record. -->
  <xsl:function name="tk:normalize-keep-edges" as="xs:string">
    <xsl:param name="folded" as="xs:string"/>
    <xsl:variable name="normal" select="normalize-space($folded)"/>
    <xsl:sequence select="(if (starts-with($folded, ' ')) then ' ' else '') || $normal
                          || (if (ends-with($folded, ' ') and $normal) then ' ' else '')"/>
  </xsl:function>

</xsl:stylesheet>
