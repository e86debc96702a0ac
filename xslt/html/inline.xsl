<?xml version="1.0" encoding="UTF-8"?>
<!--
  Mode tk:html: the article text. Blocks become HTML blocks; names, roles and
  dates become elements classed by entity type ("ent ent-person", …) with a
  stable id per mention; choice becomes <abbr title="expansion">.
  Text nodes are copied as they are: no space is ever added or lost.

  Speed matters here (every mention of every article passes through): what is
  the same for the whole page (language, labels, register names, every
  mention's id) is worked out once in the /TEI template and reaches these
  templates as tunnel parameters. Without them (a customisation applying this
  mode elsewhere) the templates work each value out per mention.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:mode name="tk:html" on-no-match="text-only-copy"/>

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
       $tk:ids, generate-id() of a mention -> its id (tk:mention-id);
       $tk:in-name, true inside a name. -->
  <xsl:template match="persName[@ref] | orgName[@ref] | placeName[@ref]" mode="tk:html">
    <xsl:param name="tk:entry-names" as="map(xs:string, xs:string)" tunnel="yes" select="map{}"/>
    <xsl:param name="tk:title-suffix" as="map(xs:string, xs:string)" tunnel="yes" select="map{}"/>
    <xsl:param name="tk:ids" as="map(xs:string, xs:string)?" tunnel="yes" select="()"/>
    <xsl:param name="tk:in-name" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="type" select="$tk:types(local-name())"/>
    <xsl:variable name="ref" select="tk:ref-id(.)"/>
    <xsl:variable name="id" select="if (exists($tk:ids)) then $tk:ids(generate-id()) else tk:mention-id(.)"/>
    <!-- if/else rather than (a, b)[1], which would work out b as well. -->
    <xsl:variable name="name" select="$tk:entry-names($ref)"/>
    <xsl:variable name="suffix" select="$tk:title-suffix($type)"/>
    <xsl:variable name="title" select="(if (exists($name)) then $name else tk:plain(.))
        || (if (exists($suffix)) then $suffix else ' · ' || tk:label($type, tk:lang(.)))"/>
    <xsl:choose>
      <xsl:when test="$registers-href and not($tk:in-name)">
        <a class="ent ent-{$type}" id="{$id}" title="{$title}"
           href="{$tk:registers-uri}{$tk:register-files($type)}#{escape-html-uri($ref)}">
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
    <xsl:param name="tk:ids" as="map(xs:string, xs:string)?" tunnel="yes" select="()"/>
    <span class="ent ent-role{@type ! (' role-' || .)}" id="{if (exists($tk:ids)) then $tk:ids(generate-id()) else tk:mention-id(.)}">
      <xsl:call-template name="tk:machine-attrs"/>
      <xsl:apply-templates mode="tk:html"/>
    </span>
  </xsl:template>

  <xsl:template match="date" mode="tk:html">
    <!-- The page's language, or () when the text changes language. -->
    <xsl:param name="tk:lang" as="xs:string?" tunnel="yes" select="()"/>
    <xsl:param name="tk:ids" as="map(xs:string, xs:string)?" tunnel="yes" select="()"/>
    <xsl:variable name="datetime" select="tk:datetime(.)"/>
    <xsl:variable name="label" select="tk:date-label(., ($tk:lang, tk:lang(.))[1])"/>
    <xsl:element name="{if (exists($datetime)) then 'time' else 'span'}">
      <xsl:attribute name="class" select="'ent ent-date'"/>
      <xsl:attribute name="id" select="if (exists($tk:ids)) then $tk:ids(generate-id()) else tk:mention-id(.)"/>
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
