<?xml version="1.0" encoding="UTF-8"?>
<!--
  Mode tk:html: the article text. Blocks become HTML blocks; names, roles and
  dates become elements classed by entity type ("ent ent-person", …) with a
  stable id per mention; choice becomes <abbr title="expansion">.
  Text nodes are copied as they are: no space is ever added or lost.

  Speed matters here (every mention of every article passes through): each
  mention's id, title and link are worked out once per page (page.xsl) and
  only looked up here.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:mode name="tk:html" on-no-match="text-only-copy" on-multiple-match="fail"/>

  <!-- Blocks. -->
  <xsl:template match="div" mode="tk:html">
    <section class="div{@type ! (' div-' || .)}">
      <xsl:apply-templates mode="tk:html"/>
    </section>
  </xsl:template>

  <xsl:template match="div[@type = 'article']" mode="tk:html">
    <xsl:apply-templates mode="tk:html"/>
  </xsl:template>

  <!-- The article's own head is the page's h1 (see article.xsl). -->
  <xsl:template match="div[@type = 'article']/head[1]" mode="tk:html"/>

  <xsl:template match="div/head" mode="tk:html" priority="-0.1">
    <h2><xsl:apply-templates mode="tk:html"/></h2>
  </xsl:template>

  <!-- A paragraph holding a block (a list, verse, a table …) is a div: HTML ends a p at any block. -->
  <xsl:template match="p" mode="tk:html">
    <xsl:variable name="block" select="tk:has-block(.)"/>
    <xsl:element name="{if ($block) then 'div' else 'p'}">
      <xsl:if test="@rend or $block"><xsl:attribute name="class" select="string-join((@rend, 'p'[$block]), ' ')"/></xsl:if>
      <xsl:apply-templates mode="tk:html"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="figure" mode="tk:html">
    <figure class="photo">
      <xsl:apply-templates select="head" mode="tk:html"/>
      <xsl:apply-templates select="* except head" mode="tk:html"/>
    </figure>
  </xsl:template>

  <xsl:template match="figure/head" mode="tk:html">
    <figcaption>
      <xsl:for-each select="tk:photo-label(.)"><span class="caption-label">{.}: </span></xsl:for-each>
      <xsl:apply-templates mode="tk:html"/>
    </figcaption>
  </xsl:template>

  <xsl:template match="byline" mode="tk:html">
    <p class="byline"><xsl:apply-templates mode="tk:html"/></p>
  </xsl:template>

  <xsl:template match="docAuthor" mode="tk:html">
    <span class="doc-author"><xsl:apply-templates mode="tk:html"/></span>
  </xsl:template>

  <xsl:template match="trailer" mode="tk:html">
    <p class="trailer{@type ! (' ' || .)}"><xsl:apply-templates mode="tk:html"/></p>
  </xsl:template>

  <!-- Names: a link to the register entry, unless inside another name (HTML
       forbids nested links; the inner name is still classed, id'd and listed
       in the page's index, which links to the register). Id, title and href
       come from $tk:page-mention (page.xsl), else from tk:name-attrs. -->
  <xsl:template match="persName[@ref] | orgName[@ref] | placeName[@ref]" mode="tk:html">
    <xsl:variable name="pre" select="$tk:page-mention(generate-id())"/>
    <xsl:variable name="attrs" select="if (exists($pre)) then $pre else tk:name-attrs(.)"/>
    <xsl:choose>
      <xsl:when test="$attrs[3] and not(tk:in-link(.))">
        <a class="ent ent-{$tk:types(local-name())}" id="{$attrs[1]}" title="{$attrs[2]}" href="{$attrs[3]}">
          <xsl:call-template name="tk:machine-attrs"/>
          <xsl:apply-templates mode="tk:html"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="ent ent-{$tk:types(local-name())}" id="{$attrs[1]}" title="{$attrs[2]}">
          <xsl:call-template name="tk:machine-attrs"/>
          <xsl:apply-templates mode="tk:html"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- (id, title, href) of a name, worked out on its own. -->
  <xsl:function name="tk:name-attrs" as="xs:string+">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="type" select="tk:entity-type($name)"/>
    <xsl:variable name="entry" select="tk:entry($name)"/>
    <xsl:sequence select="tk:mention-id($name),
        (if ($entry) then tk:entry-name($entry) else tk:plain($name)) || ' · ' || tk:label($type, tk:lang($name)),
        if ($entry and not($tk:own-ids)) then tk:register-href($type, tk:ref-id($name)) else tk:uri-href($name/@ref, $name)"/>
  </xsl:function>

  <xsl:template match="roleName" mode="tk:html">
    <span class="ent ent-role{@type ! (' role-' || .)}" id="{let $id := $tk:page-mention(generate-id()) return if (exists($id)) then $id else tk:mention-id(.)}">
      <xsl:call-template name="tk:machine-attrs"/>
      <xsl:apply-templates mode="tk:html"/>
    </span>
  </xsl:template>

  <xsl:template match="date" mode="tk:html">
    <!-- (id, label, datetime?) -->
    <xsl:variable name="pre" select="$tk:page-mention(generate-id())"/>
    <xsl:variable name="attrs" select="if (exists($pre)) then $pre
        else (tk:mention-id(.), tk:date-label(., tk:lang(.)), tk:datetime(.))"/>
    <xsl:variable name="label" select="$attrs[2]"/>
    <xsl:variable name="datetime" select="$attrs[3]"/>
    <xsl:element name="{if (exists($datetime)) then 'time' else 'span'}">
      <xsl:attribute name="class" select="'ent ent-date'"/>
      <xsl:attribute name="id" select="$attrs[1]"/>
      <xsl:if test="exists($datetime)"><xsl:attribute name="datetime" select="$datetime"/></xsl:if>
      <xsl:if test="$label"><xsl:attribute name="title" select="$label"/></xsl:if>
      <xsl:call-template name="tk:machine-attrs"/>
      <xsl:apply-templates mode="tk:html"/>
    </xsl:element>
  </xsl:template>

  <!-- A length of time with no start (teikit's measure type="duration"): its length in words in @title. -->
  <xsl:template match="measure[@type = 'duration']" mode="tk:html">
    <xsl:variable name="letter" select="map{'year': 'Y', 'month': 'M', 'week': 'W', 'day': 'D'}(string(@unit))"/>
    <span class="ent ent-duration">
      <xsl:if test="exists($letter) and matches(@quantity, '^\d+$')">
        <xsl:attribute name="title" select="tk:human-duration('P' || @quantity || $letter, tk:lang(.))"/>
      </xsl:if>
      <xsl:call-template name="tk:machine-attrs"/>
      <xsl:apply-templates mode="tk:html"/>
    </span>
  </xsl:template>

  <!-- Machine abbreviations (common/reading.xsl): the abbreviation in the text, the expansion only in @title. -->
  <xsl:template match="choice[abbr][expan][tk:reading(.) is abbr[1]]" mode="tk:html" priority="1">
    <abbr title="{tk:normalize(string-join(expan))}">
      <xsl:call-template name="tk:machine-attrs"/>
      <xsl:apply-templates select="abbr/node()" mode="tk:html"/>
    </abbr>
  </xsl:template>

  <!-- Machine markup says so: data-resp / data-cert for styling or inspection. -->
  <xsl:template name="tk:machine-attrs">
    <xsl:if test="@resp"><xsl:attribute name="data-resp" select="if (starts-with(@resp, '#')) then substring(@resp, 2) else string(@resp)"/></xsl:if>
    <xsl:if test="@cert"><xsl:attribute name="data-cert" select="@cert"/></xsl:if>
  </xsl:template>

</xsl:stylesheet>
