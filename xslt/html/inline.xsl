<?xml version="1.0" encoding="UTF-8"?>
<!--
  Mode tk:html: the article text. Blocks become HTML blocks; names, roles and
  dates become elements classed by entity type ("ent ent-person", …) with a
  stable id per mention; choice becomes <abbr title="expansion">.
  Text nodes are copied as they are: no space is ever added or lost.

  Speed matters here (every mention of every article passes through): what is
  the same for the whole page (language, labels, register names) is worked out
  once in the /TEI template and reaches these templates as tunnel parameters,
  and mention numbers come from accumulators (one pass over the document)
  rather than from counting or look-ups per mention.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tk="https://teikit.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:mode name="tk:html" on-no-match="text-only-copy"/>

  <!-- Mention numbers, counted in document order as tk:mention-id counts them:
       names with a register entry per register id, other names, dates and
       roles per entity type. accumulator-before() on a mention gives the
       count including that mention. -->
  <xsl:accumulator name="tk:ref-n" as="map(xs:string, xs:integer)" initial-value="map{}">
    <xsl:accumulator-rule match="text//persName[@ref] | text//orgName[@ref] | text//placeName[@ref]"
        select="let $ref := tk:ref-id(.) return map:put($value, $ref, ($value($ref), 0)[1] + 1)"/>
  </xsl:accumulator>
  <xsl:accumulator name="tk:type-n" as="map(xs:string, xs:integer)" initial-value="map{}">
    <xsl:accumulator-rule match="text//persName[not(@ref)] | text//orgName[not(@ref)] | text//placeName[not(@ref)]
                                 | text//date | text//roleName"
        select="let $type := $tk:types(local-name()) return map:put($value, $type, ($value($type), 0)[1] + 1)"/>
  </xsl:accumulator>

  <!-- The id of the context mention, the same as tk:mention-id(.) gives. -->
  <xsl:function name="tk:html-mention-id" as="xs:string">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="if ($mention/@ref)
        then (let $ref := tk:ref-id($mention) return $ref || '-m' || $mention/accumulator-before('tk:ref-n')($ref))
        else (let $type := $tk:types(local-name($mention))
              return $type || '-' || $mention/accumulator-before('tk:type-n')($type))"/>
  </xsl:function>

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

  <xsl:template match="p" mode="tk:html">
    <p><xsl:if test="@rend"><xsl:attribute name="class" select="@rend"/></xsl:if><xsl:apply-templates mode="tk:html"/></p>
  </xsl:template>

  <xsl:template match="figure" mode="tk:html">
    <figure class="photo">
      <xsl:apply-templates select="head" mode="tk:html"/>
    </figure>
  </xsl:template>

  <xsl:template match="figure/head" mode="tk:html">
    <figcaption><span class="caption-label">{tk:label('photo', tk:lang(.))}: </span><xsl:apply-templates mode="tk:html"/></figcaption>
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
       in the page's index, which links to the register).
       Tunnel parameters (set in article.xsl): $tk:entry-names, register id ->
       canonical name; $tk:title-suffix, entity type -> " · <type label>" (left
       empty when the text changes language, so each name finds its own);
       $tk:in-name, true inside a name. -->
  <xsl:template match="persName[@ref] | orgName[@ref] | placeName[@ref]" mode="tk:html">
    <xsl:param name="tk:entry-names" as="map(xs:string, xs:string)" tunnel="yes" select="map{}"/>
    <xsl:param name="tk:title-suffix" as="map(xs:string, xs:string)" tunnel="yes" select="map{}"/>
    <xsl:param name="tk:in-name" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="type" select="$tk:types(local-name())"/>
    <xsl:variable name="ref" select="tk:ref-id(.)"/>
    <xsl:variable name="id" select="$ref || '-m' || accumulator-before('tk:ref-n')($ref)"/>
    <xsl:variable name="title" select="($tk:entry-names($ref), tk:plain(.))[1]
        || ($tk:title-suffix($type), ' · ' || tk:label($type, tk:lang(.)))[1]"/>
    <xsl:choose>
      <xsl:when test="$registers-href and not($tk:in-name)">
        <a class="ent ent-{$type}" id="{$id}" title="{$title}"
           href="{$registers-href}{$tk:register-files($type)}#{$ref}">
          <xsl:call-template name="tk:machine-attrs"/>
          <xsl:apply-templates mode="tk:html">
            <xsl:with-param name="tk:in-name" tunnel="yes" select="true()"/>
          </xsl:apply-templates>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="ent ent-{$type}" id="{$id}" title="{$title}">
          <xsl:call-template name="tk:machine-attrs"/>
          <xsl:apply-templates mode="tk:html">
            <xsl:with-param name="tk:in-name" tunnel="yes" select="true()"/>
          </xsl:apply-templates>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="roleName" mode="tk:html">
    <span class="ent ent-role{@type ! (' role-' || .)}" id="role-{accumulator-before('tk:type-n')('role')}">
      <xsl:call-template name="tk:machine-attrs"/>
      <xsl:apply-templates mode="tk:html"/>
    </span>
  </xsl:template>

  <xsl:template match="date" mode="tk:html">
    <!-- The page's language, or () when the text changes language. -->
    <xsl:param name="tk:lang" as="xs:string?" tunnel="yes" select="()"/>
    <xsl:variable name="datetime" select="tk:datetime(.)"/>
    <xsl:variable name="label" select="tk:date-label(., ($tk:lang, tk:lang(.))[1])"/>
    <xsl:element name="{if (exists($datetime)) then 'time' else 'span'}">
      <xsl:attribute name="class" select="'ent ent-date'"/>
      <xsl:attribute name="id" select="'date-' || accumulator-before('tk:type-n')('date')"/>
      <xsl:if test="exists($datetime)"><xsl:attribute name="datetime" select="$datetime"/></xsl:if>
      <xsl:if test="$label"><xsl:attribute name="title" select="$label"/></xsl:if>
      <xsl:call-template name="tk:machine-attrs"/>
      <xsl:apply-templates mode="tk:html"/>
    </xsl:element>
  </xsl:template>

  <!-- Abbreviations: the abbreviation in the text, the expansion only in @title. -->
  <xsl:template match="choice[abbr]" mode="tk:html">
    <abbr title="{tk:normalize(string-join(expan))}">
      <xsl:call-template name="tk:machine-attrs"/>
      <xsl:apply-templates select="abbr/node()" mode="tk:html"/>
    </abbr>
  </xsl:template>

  <xsl:template match="expan" mode="tk:html"/>

  <!-- Machine markup says so: data-resp / data-cert for styling or inspection. -->
  <xsl:template name="tk:machine-attrs">
    <xsl:if test="@resp"><xsl:attribute name="data-resp" select="if (starts-with(@resp, '#')) then substring(@resp, 2) else string(@resp)"/></xsl:if>
    <xsl:if test="@cert"><xsl:attribute name="data-cert" select="@cert"/></xsl:if>
  </xsl:template>

</xsl:stylesheet>
