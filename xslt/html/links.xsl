<?xml version="1.0" encoding="UTF-8"?>
<!--
  Where a name, rs or ref of any TEI document links to, so that no link dangles:
  a register entry in teikit's standOff goes to the corpus register page (see
  page.xsl); an entry the page itself shows (a listPerson, listPlace … in the
  text or the header, a note) is linked within the page; an authority URI
  (https://…, or a prefix the document declares with prefixDef) is linked out
  through tk:safe-href; anything else is not linked at all.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tk="https://teikit.org/ns/1.0"
    xmlns:err="http://www.w3.org/2005/xqt-errors"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- The elements a register lists: entries of a listPerson, listPlace, listOrg … -->
  <xsl:variable name="tk:entry-names" as="xs:string+"
      select="'person', 'personGrp', 'place', 'org', 'event', 'nym', 'bibl', 'biblStruct', 'witness'"/>

  <!-- Register entries outside standOff, which the page shows with their own ids: id -> entry. -->
  <xsl:variable name="tk:page-anchors" as="map(xs:string, element())" select="map:merge(
      ($tk:page ! tk:text-of(.), $tk:page/teiHeader)//(listPerson | listPlace | listOrg | listEvent | listBibl | listNym | listWit)
        //*[@xml:id][local-name() = $tk:entry-names] ! map{string(@xml:id): .},
      map{'duplicates': 'use-first'})"/>

  <!-- A note's xml:id -> the id of its footnote on the page. -->
  <xsl:variable name="tk:page-note-ids" as="map(xs:string, xs:string)" select="map:merge(
      ($tk:page ! tk:footnotes(.))[@xml:id] ! map{string(@xml:id): 'note-' || tk:note-numbers($tk:page)(generate-id(.))},
      map{'duplicates': 'use-first'})"/>

  <!-- Elements of the text a ptr or ref points at ("#id") that have no place of their own on the
       page (register entries and notes have): the HTML element made from each carries the id
       (tk:own-attributes, transcription.xsl), so the pointer links to it. -> true(). -->
  <xsl:variable name="tk:page-targets" as="map(xs:string, xs:boolean)" select="map:merge(
      distinct-values($tk:page ! tk:text-of(.)//(ptr | ref)/@target ! tokenize(.)[starts-with(., '#')] ! substring(., 2))
        ! (let $id := . return id($id, $tk:page)[tk:is-pointable(.)] ! map{$id: true()}),
      map{'duplicates': 'use-first'})"/>

  <!-- The HTML id of a TEI element the page links to within itself (a register entry it shows, a
       pointer's target): its xml:id after "tei:", which no id of the page's own has (article, notes,
       note-1, person-2, P1-m1 …: none holds a colon), so that no two elements share an id. -->
  <xsl:function name="tk:anchor-id" as="xs:string">
    <xsl:param name="xml-id" as="xs:string"/>
    <xsl:sequence select="'tei:' || $xml-id"/>
  </xsl:function>

  <!-- An element of the page's text that the page renders once, as an element of its own that has
       no id yet: not a note, register entry or mention (they have their ids), not what is left out
       or only an unread alternative, not the parts of the text the page sets elsewhere or drops. -->
  <xsl:function name="tk:is-pointable" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="tk:tei($element) is $tk:page and tk:in-text($element)
        and not($element/self::note or $element/self::text or $element/self::body or exists(tk:entity-type($element)))
        and not($element/(self::lb | self::cb)[tk:break-joins(.)])
        and not($element/(self::lb | self::pb | self::cb | self::milestone | self::anchor)[parent::table or parent::row])
        and empty($element/ancestor-or-self::*[tk:is-hidden(.)] | $element/ancestor-or-self::note[ancestor::note]
                  | $element/ancestor-or-self::*[parent::choice or parent::app][not(. is tk:reading(..))]
                  | $element/ancestor-or-self::*[parent::row][not(self::cell)]
                  | $element/ancestor-or-self::div[@type = 'article'] | $element/ancestor-or-self::head[. is ../../div[@type = 'article']/head[1]]
                  | $element/ancestor-or-self::*[self::listPerson or self::listPlace or self::listOrg or self::listEvent
                                                 or self::listBibl or self::listNym or self::listWit])"/>
  </xsl:function>

  <!-- The href for the URIs of a @ref or @target (first one that resolves), or '' for none. -->
  <xsl:function name="tk:uri-href" as="xs:string">
    <xsl:param name="uris" as="xs:string?"/>
    <xsl:param name="context" as="element()"/>
    <xsl:sequence select="((tokenize($uris) ! tk:one-uri-href(., $context))[.], '')[1]"/>
  </xsl:function>

  <xsl:function name="tk:one-uri-href" as="xs:string">
    <xsl:param name="uri" as="xs:string"/>
    <xsl:param name="context" as="element()"/>
    <xsl:variable name="local" select="if (starts-with($uri, '#')) then substring($uri, 2) else ()"/>
    <xsl:choose>
      <xsl:when test="exists($local)">
        <xsl:sequence select="if (map:contains($tk:page-anchors, $local)) then '#' || escape-html-uri(tk:anchor-id($local))
                              else if (map:contains($tk:page-note-ids, $local)) then '#' || $tk:page-note-ids($local)
                              else if (map:contains($tk:page-targets, $local)) then '#' || escape-html-uri(tk:anchor-id($local))
                              else ''"/>
      </xsl:when>
      <xsl:when test="matches($uri, '^[a-zA-Z][a-zA-Z0-9+.-]*:')">
        <xsl:sequence select="tk:safe-href(tk:expand-prefix($uri, $context))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="''"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- "gnd:118540238" through the document's prefixDef (ident, matchPattern, replacementPattern).
       The patterns are the document's: one that is not a valid XPath regular expression or
       replacement, or that matches the empty string, expands nothing (the URI stays as it is,
       so it is not a link) instead of failing the page. -->
  <xsl:function name="tk:expand-prefix" as="xs:string">
    <xsl:param name="uri" as="xs:string"/>
    <xsl:param name="context" as="element()"/>
    <xsl:variable name="prefix" select="substring-before($uri, ':')"/>
    <xsl:variable name="rest" select="substring-after($uri, ':')"/>
    <xsl:sequence select="((tk:tei($context)/teiHeader//prefixDef[@ident = $prefix][@matchPattern and @replacementPattern]
        ! tk:apply-prefix($rest, @matchPattern, @replacementPattern))[1], $uri)[1]"/>
  </xsl:function>

  <!-- One prefixDef applied to the part after the prefix, or () when it does not match or is not
       a valid pattern (err:FORX0001-4: bad flags, regex, empty match, replacement). -->
  <xsl:function name="tk:apply-prefix" as="xs:string?">
    <xsl:param name="rest" as="xs:string"/>
    <xsl:param name="pattern" as="xs:string"/>
    <xsl:param name="replacement" as="xs:string"/>
    <xsl:try select="if (matches($rest, $pattern)) then replace($rest, $pattern, $replacement) else ()">
      <xsl:catch errors="err:FORX0001 err:FORX0002 err:FORX0003 err:FORX0004" select="()"/>
    </xsl:try>
  </xsl:function>

  <!-- An element inside another that is written as a link (HTML forbids links in links). -->
  <xsl:function name="tk:in-link" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists($element/ancestor::*[@ref][self::persName or self::orgName or self::placeName
                                 or self::rs or self::name or self::geogName or self::eventName]
                                 | $element/ancestor::ref[@target] | $element/ancestor::ptr)"/>
  </xsl:function>

  <!-- Names that are not teikit's mentions (rs, name, and names without @ref): linked when their @ref resolves. -->
  <xsl:template match="rs | name | persName | orgName | placeName | geogName | eventName | objectName" mode="tk:html" priority="-1">
    <xsl:call-template name="tk:link">
      <xsl:with-param name="href" select="if (@ref) then tk:uri-href(@ref, .) else ''"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="ref | ptr" mode="tk:html">
    <xsl:call-template name="tk:link">
      <xsl:with-param name="href" select="if (@target) then tk:uri-href(@target, .) else ''"/>
      <xsl:with-param name="text" select="if (self::ptr) then tk:pointer-label(.) else ()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- An a when there is somewhere to go and no link around, else a span; classed by name and @type. -->
  <xsl:template name="tk:link">
    <xsl:param name="href" as="xs:string" required="yes"/>
    <xsl:param name="text" as="xs:string?" select="()"/>
    <xsl:element name="{if ($href and not(tk:in-link(.))) then 'a' else 'span'}">
      <xsl:attribute name="class" select="tk:classes(.)"/>
      <xsl:if test="$href and not(tk:in-link(.))"><xsl:attribute name="href" select="$href"/></xsl:if>
      <xsl:if test="$text"><xsl:value-of select="$text"/></xsl:if>
      <xsl:apply-templates mode="tk:html"/>
    </xsl:element>
  </xsl:template>

</xsl:stylesheet>
