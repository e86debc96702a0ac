<?xml version="1.0" encoding="UTF-8"?>
<!--
  teikit corpus site: the index of articles and one register page per entity
  type (persons, organisations, places), merged across documents by xml:id.

  Called by named template with the corpus as parameters:
    index-page     writes index.html        (articles at "", registers at "registers/")
    register-page  writes registers/<type>  (articles at "../")
  Every link is relative, so the site works straight from the file system.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="../html/chrome.xsl"/>

  <!-- The documents, and for each the stem of its article page (<stem>.html). -->
  <xsl:param name="docs" as="array(document-node())" select="[]"/>
  <xsl:param name="stems" as="array(xs:string)" select="[]"/>
  <!-- Which register register-page writes: person | org | place. -->
  <xsl:param name="type" as="xs:string" select="'person'"/>
  <!-- Language of the site's own words; '' takes the first document's. -->
  <xsl:param name="lang" as="xs:string" select="''"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <xsl:mode on-no-match="shallow-skip"/>

  <xsl:variable name="teis" as="element(TEI)*" select="$docs?* ! TEI"/>
  <xsl:variable name="site-lang" as="xs:string"
                select="if ($lang) then $lang else ($teis[1] ! tk:lang(.), 'en')[1]"/>
  <!-- generate-id() of each TEI element -> its page stem. -->
  <xsl:variable name="stem-of" as="map(xs:string, xs:string)"
                select="map:merge(for $i in 1 to count($teis)
                                  return map{generate-id($teis[$i]): $stems($i)})"
                xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>

  <xsl:function name="tk:article-title" as="xs:string">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:sequence select="(tk:plain($tei/teiHeader/fileDesc/titleStmt/title[1])[.], $stem-of(generate-id($tei)))[1]"/>
  </xsl:function>

  <!-- A date's sort key: @when, else @from / @notBefore, else ''. -->
  <xsl:function name="tk:sort-date" as="xs:string">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:sequence select="string((tk:article-date($tei) ! (@when, @from, @notBefore))[1])"/>
  </xsl:function>

  <xsl:template name="tk:page">
    <xsl:param name="title" as="xs:string" required="yes"/>
    <xsl:param name="current" as="xs:string" required="yes"/>
    <xsl:param name="root" as="xs:string" required="yes"/>
    <xsl:param name="content" as="node()*" required="yes"/>
    <html lang="{$site-lang}">
      <xsl:call-template name="tk:html-head">
        <xsl:with-param name="title" select="$title"/>
      </xsl:call-template>
      <body>
        <xsl:call-template name="tk:site-nav">
          <xsl:with-param name="index-href" select="$root || 'index.html'"/>
          <xsl:with-param name="registers-href" select="$root || 'registers/'"/>
          <xsl:with-param name="lang" select="$site-lang"/>
          <xsl:with-param name="current" select="$current"/>
        </xsl:call-template>
        <main>
          <h1>{$title}</h1>
          <xsl:sequence select="$content"/>
        </main>
        <xsl:call-template name="tk:footer">
          <xsl:with-param name="lang" select="$site-lang"/>
        </xsl:call-template>
      </body>
    </html>
  </xsl:template>

  <!-- index.html: every article, newest first; a button (shown by the script) reverses the order. -->
  <xsl:template name="index-page">
    <xsl:call-template name="tk:page">
      <xsl:with-param name="title" select="tk:label('corpus', $site-lang)"/>
      <xsl:with-param name="current" select="'index'"/>
      <xsl:with-param name="root" select="''"/>
      <xsl:with-param name="content" as="node()*">
        <button type="button" id="sort-date" class="sort-button" hidden="hidden" data-order="newest"
                data-label-newest="{tk:label('sort-newest', $site-lang)}"
                data-label-oldest="{tk:label('sort-oldest', $site-lang)}">{tk:label('sort-oldest', $site-lang)}</button>
        <table class="articles">
          <thead>
            <tr><th scope="col">{tk:label('date-line', $site-lang)}</th><th scope="col">{tk:label('title', $site-lang)}</th><th scope="col">{tk:label('author', $site-lang)}</th></tr>
          </thead>
          <tbody>
            <xsl:for-each select="$teis">
              <xsl:sort select="tk:sort-date(.)" order="descending"/>
              <xsl:sort select="tk:article-title(.)" lang="{$site-lang}"/>
              <xsl:variable name="date" select="tk:article-date(.)"/>
              <tr data-date="{tk:sort-date(.)}">
                <td class="date">
                  <xsl:choose>
                    <xsl:when test="$date and exists(tk:datetime($date))">
                      <time datetime="{tk:datetime($date)}">{tk:date-label($date, $site-lang)}</time>
                    </xsl:when>
                    <xsl:when test="$date">{(tk:date-label($date, $site-lang)[.], tk:normalize($date))[1]}</xsl:when>
                    <xsl:otherwise>{tk:label('no-date', $site-lang)}</xsl:otherwise>
                  </xsl:choose>
                </td>
                <td class="title"><a href="{tk:uri-segment($stem-of(generate-id(.)))}.html">{tk:article-title(.)}</a></td>
                <td class="author">{tk:authors(.)}</td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        <xsl:call-template name="tk:script">
          <xsl:with-param name="assets-href" select="'assets/'"/>
          <xsl:with-param name="file" select="'sort.js'"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- registers/<type>.html: one entry per xml:id across the corpus, each listing
       every article and every mention in it (linked to the mention's id). -->
  <xsl:template name="register-page">
    <xsl:variable name="entries" select="$teis/standOff//(person | org | place)[@xml:id][tk:entity-type(.) = $type]"/>
    <xsl:call-template name="tk:page">
      <xsl:with-param name="title" select="tk:label($type, $site-lang)"/>
      <xsl:with-param name="current" select="$type"/>
      <xsl:with-param name="root" select="'../'"/>
      <xsl:with-param name="content" as="node()*">
        <p class="intro">{tk:label('register-intro', $site-lang)}</p>
        <ul class="register">
          <xsl:for-each-group select="$entries" group-by="string(@xml:id)">
            <xsl:sort select="tk:entry-name(current-group()[1])" lang="{$site-lang}"/>
            <xsl:variable name="id" select="current-grouping-key()"/>
            <xsl:variable name="mentions" select="current-group() ! tk:mentions(tk:tei(.), $id)"/>
            <li id="{$id}">
              <h2 class="idx-{$type}">{tk:entry-name(current-group()[1])}</h2>
              <xsl:text> </xsl:text>
              <span class="count">({count($mentions)} {tk:label('mentions', $site-lang)})</span>
              <xsl:for-each-group select="current-group()/idno[@type = 'wikidata']" group-by="normalize-space(.)">
                <xsl:text> · </xsl:text>
                <a class="authority" href="https://www.wikidata.org/wiki/{encode-for-uri(current-grouping-key())}">{tk:label('wikidata', $site-lang)} {current-grouping-key()}</a>
              </xsl:for-each-group>
              <ul class="occurrences">
                <xsl:for-each select="current-group() ! tk:tei(.)">
                  <xsl:sort select="tk:sort-date(.)" order="descending"/>
                  <xsl:variable name="page" select="'../' || tk:uri-segment($stem-of(generate-id(.))) || '.html'"/>
                  <li>
                    <a class="article" href="{$page}">{tk:article-title(.)}</a>
                    <xsl:text>: </xsl:text>
                    <xsl:for-each select="tk:mentions(., $id)">
                      <xsl:if test="position() gt 1">, </xsl:if>
                      <a class="mention" href="{$page}#{tk:mention-id(.)}">“{tk:plain(.)}”</a>
                    </xsl:for-each>
                  </li>
                </xsl:for-each>
              </ul>
            </li>
          </xsl:for-each-group>
        </ul>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
